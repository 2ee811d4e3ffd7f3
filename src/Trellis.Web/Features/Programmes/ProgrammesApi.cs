using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Features.Programmes.Health;
using Trellis.Web.Features.Programmes.Matching;
using Trellis.Web.Features.Programmes.MenteeChoice;
using Trellis.Web.Features.Programmes.Reports;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes;

public static class ProgrammesApi
{
    public static void MapProgrammes(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/programmes").WithTags("Programmes").RequireAuthorization(Policies.Administrator);
        admin.MapGet("", ListAll).WithName("ListAllProgrammes")
            .WithSummary("Every programme on the site (site administrators): names and states.");
        admin.MapPost("", Create).WithName("CreateProgramme")
            .WithSummary("Create a programme (site administrators) and name its owner, a member, by e-mail.");

        var group = api.MapGroup("/programmes").WithTags("Programmes").RequireAuthorization(Policies.Member);
        group.MapGet("/coordinated", Coordinated).WithName("ListCoordinatedProgrammes")
            .WithSummary("The programmes I coordinate.");
        var one = group.MapGroup("/{id:guid}");
        one.MapGet("", Get).WithName("GetProgramme")
            .WithSummary("A programme I coordinate, with its settings and the moves it can make. 404 for anyone else.");
        one.MapPut("/details", Details).WithName("UpdateProgrammeDetails")
            .WithSummary("Name, description, kind, dates and the programme's words for the roles. 409 if version is stale.");
        one.MapPut("/enrolment-settings", Enrolment).WithName("UpdateProgrammeEnrolmentSettings")
            .WithSummary("Who may enrol in each role (open, invitation only, e-mail domains) and the profile fields required.");
        one.MapPut("/matching-settings", Matching).WithName("UpdateProgrammeMatchingSettings")
            .WithSummary("The matching mode, the agreement template, the introduction e-mail and direct start.");
        one.MapPost("/move", Move).WithName("MoveProgramme")
            .WithSummary("Move the programme to its next state (Enrolling, Matching, Running, Closed). 409 if not allowed.");
        one.MapPost("/archive", Archive).WithName("ArchiveProgramme")
            .WithSummary("Archive a draft or closed programme: hidden from lists, history kept.");
        one.MapGet("/coordinators", Coordinators).WithName("ListProgrammeCoordinators")
            .WithSummary("The programme's coordinators.");
        one.MapPost("/coordinators", AddCoordinator).WithName("AddProgrammeCoordinator")
            .WithSummary("The owner adds a coordinator by e-mail (a member with a confirmed account). 403 for others.");
        one.MapDelete("/coordinators/{memberId:guid}", RemoveCoordinator).WithName("RemoveProgrammeCoordinator")
            .WithSummary("The owner removes a coordinator; the last owner cannot be removed.");
        one.MapPost("/wind-down", WindDown).WithName("WindDownProgramme")
            .WithSummary("Close a running programme and end its running pairs after noticeDays (default from configuration, 1-90); both members of each pair are told at once. 409 if stale or not running.");
        one.MapPost("/coordinators/{memberId:guid}/owner", MakeOwner).WithName("MakeProgrammeOwner")
            .WithSummary("An owner makes another coordinator an owner too.");
        one.MapEnrolmentAdministration();
        one.MapMatching();
        one.MapReports();
        one.MapHealth();
        api.MapEnrolment();
        api.MapMenteeChoice();
    }

    private static async Task<Ok<IReadOnlyList<ProgrammeSummary>>> ListAll(ProgrammeHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListAllAsync(ct));

    private static async Task<Results<Created<ProgrammeView>, ProblemHttpResult>> Create(CreateProgrammeInput input,
        ProgrammeHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.CreateAsync(input, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/programmes/{result.Value.Id}", result.Value)
            : result.Error.ToProblem();
    }

    private static async Task<Ok<IReadOnlyList<ProgrammeSummary>>> Coordinated(HttpContext http, ProgrammeHandlers handlers,
        CancellationToken ct) => TypedResults.Ok(await handlers.ListCoordinatedAsync(http.User.MemberId(), ct));

    private static async Task<Results<Ok<ProgrammeView>, ProblemHttpResult>> Get(Guid id, HttpContext http,
        ProgrammeHandlers handlers, CancellationToken ct) => Answer(await handlers.GetAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Ok<ProgrammeView>, ProblemHttpResult>> Details(Guid id, ProgrammeDetailsInput input,
        HttpContext http, ProgrammeHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.UpdateDetailsAsync(http.User.MemberId(), id, input, ct));

    private static async Task<Results<Ok<ProgrammeView>, ProblemHttpResult>> Enrolment(Guid id, EnrolmentSettingsInput input,
        HttpContext http, ProgrammeHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.UpdateEnrolmentAsync(http.User.MemberId(), id, input, ct));

    private static async Task<Results<Ok<ProgrammeView>, ProblemHttpResult>> Matching(Guid id, MatchingSettingsInput input,
        HttpContext http, ProgrammeHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.UpdateMatchingAsync(http.User.MemberId(), id, input, ct));

    private static async Task<Results<Ok<ProgrammeView>, ProblemHttpResult>> Move(Guid id, MoveRequest request,
        HttpContext http, ProgrammeHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.MoveAsync(http.User.MemberId(), id, request, ct));

    private static async Task<Results<Ok<ProgrammeView>, ProblemHttpResult>> Archive(Guid id, MoveRequest request,
        HttpContext http, ProgrammeHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.ArchiveAsync(http.User.MemberId(), id, request.Version, ct));

    private static async Task<Results<Ok<WindDownView>, ProblemHttpResult>> WindDown(Guid id, WindDownRequest request,
        HttpContext http, WindingDown windingDown, CancellationToken ct) =>
        Answer(await windingDown.WindDownAsync(http.User.MemberId(), id, request, ct));

    private static async Task<Results<Ok<IReadOnlyList<CoordinatorView>>, ProblemHttpResult>> Coordinators(Guid id,
        HttpContext http, ProgrammeHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.CoordinatorsAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Ok<IReadOnlyList<CoordinatorView>>, ProblemHttpResult>> AddCoordinator(Guid id,
        CoordinatorRequest request, HttpContext http, ProgrammeHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.AddCoordinatorAsync(http.User.MemberId(), id, request, ct));

    private static async Task<Results<Ok<IReadOnlyList<CoordinatorView>>, ProblemHttpResult>> RemoveCoordinator(Guid id,
        Guid memberId, HttpContext http, ProgrammeHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.RemoveCoordinatorAsync(http.User.MemberId(), id, memberId, ct));

    private static async Task<Results<Ok<IReadOnlyList<CoordinatorView>>, ProblemHttpResult>> MakeOwner(Guid id,
        Guid memberId, HttpContext http, ProgrammeHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.MakeOwnerAsync(http.User.MemberId(), id, memberId, ct));

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
