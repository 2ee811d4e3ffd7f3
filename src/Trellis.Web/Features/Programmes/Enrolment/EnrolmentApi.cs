using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Enrolment;

public static class EnrolmentApi
{
    /// <summary>A member's side: a programme's page, its form, enrolling, leaving, my programmes, invitations.</summary>
    public static void MapEnrolment(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("").WithTags("Programmes").RequireAuthorization(Policies.Member);
        me.MapGet("/me/programmes", Mine).WithName("ListMyProgrammes")
            .WithSummary("The programmes I take part in, with my role and where I stand.");
        me.MapGet("/programmes/find/{slug}", Find).WithName("FindProgramme")
            .WithSummary("A published programme by its short address, and whether I may enrol in each role.");
        me.MapGet("/programmes/{id:guid}/about", About).WithName("GetProgrammeAbout")
            .WithSummary("A published programme, and whether I may enrol in each role (and why not).");
        me.MapGet("/programmes/{id:guid}/enrolment-form", Form).WithName("GetEnrolmentForm")
            .WithSummary("The questions of the enrolment form for a role (role=Mentee or Mentor).");
        me.MapPost("/programmes/{id:guid}/enrol", Enrol).WithName("Enrol")
            .WithSummary("Enrol (or change my answers) in one role; 400 naming each missing answer or profile field.");
        me.MapPost("/programmes/{id:guid}/leave", Leave).WithName("LeaveProgramme")
            .WithSummary("Leave the programme in one role. My mentorships are mine and go on.");
        me.MapGet("/programmes/invitations/{token}", OpenInvitation).WithName("OpenProgrammeInvitation")
            .WithSummary("Where an invitation leads (the programme and role), or why it no longer works.");
    }

    /// <summary>The coordinators' side, under /programmes/{id}: 404 for anyone who does not coordinate it.</summary>
    public static void MapEnrolmentAdministration(this RouteGroupBuilder one)
    {
        one.MapGet("/counts", Counts).WithName("GetEnrolmentCounts")
            .WithSummary("How many mentees and mentors are enrolled or still have their form to complete, places, invitations.");
        one.MapGet("/questions", Questions).WithName("ListEnrolmentQuestions").WithSummary("The enrolment form's extra questions.");
        one.MapPost("/questions", AddQuestion).WithName("AddEnrolmentQuestion")
            .WithSummary("Add a question: ShortText, LongText, SingleChoice, MultipleChoice or Scale; Hard, Soft or Info.");
        one.MapPut("/questions/{questionId:guid}", ChangeQuestion).WithName("ChangeEnrolmentQuestion").WithSummary("Change a question.");
        one.MapDelete("/questions/{questionId:guid}", RemoveQuestion).WithName("RemoveEnrolmentQuestion")
            .WithSummary("Remove a question; answers given stay in the export, matching stops using them.");
        one.MapGet("/participants", Participants).WithName("ListParticipants")
            .WithSummary("Participants with their answers (role, status, q to filter; paged).");
        one.MapGet("/participants/{participantId:guid}", Participant).WithName("GetParticipant").WithSummary("One participant and their answers.");
        one.MapPut("/participants/{participantId:guid}/capacity", Capacity).WithName("SetParticipantCapacity")
            .WithSummary("A mentor's capacity for this programme. 409 if version is stale.");
        one.MapDelete("/participants/{participantId:guid}", Remove).WithName("RemoveParticipant")
            .WithSummary("Take someone out of the programme; they are told. Their mentorships go on.");
        one.MapPost("/participants/import", Import).WithName("ImportParticipants")
            .Accepts<string>("text/csv")
            .WithSummary("Import participants from a CSV body (text/csv; columns in docs/programmes.md). dryRun=true previews. " +
                         "All or nothing: one bad row and nothing is written (400 with every bad line).");
        one.MapGet("/export/participants.csv", Export).WithName("ExportParticipants")
            .WithSummary("Participants and their answers as CSV, in the import's columns.");
        one.MapGet("/invitations", Invitations).WithName("ListInvitations").WithSummary("Invitations and their state (paged).");
        one.MapPost("/invitations", Invite).WithName("InviteParticipants")
            .WithSummary("Invite people by e-mail in one role; each gets an e-mail through the outbox.");
        one.MapPost("/invitations/{invitationId:guid}/resend", Resend).WithName("ResendInvitation")
            .WithSummary("Send an invitation again: a new link and a new expiry; the old link stops working.");
        one.MapDelete("/invitations/{invitationId:guid}", Revoke).WithName("RevokeInvitation").WithSummary("Withdraw an invitation.");
    }

    private static async Task<Ok<IReadOnlyList<MyProgramme>>> Mine(HttpContext http, EnrolmentHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.MineAsync(http.User.MemberId(), ct));

    private static async Task<Results<Ok<ProgrammeAbout>, ProblemHttpResult>> Find(string slug, HttpContext http, EnrolmentHandlers h,
        CancellationToken ct) => Answer(await h.AboutAsync(http.User.MemberId(), slug, ct));

    private static async Task<Results<Ok<ProgrammeAbout>, ProblemHttpResult>> About(Guid id, HttpContext http, EnrolmentHandlers h,
        CancellationToken ct) => Answer(await h.AboutAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Ok<IReadOnlyList<QuestionView>>, ProblemHttpResult>> Form(Guid id, ProgrammeRole? role,
        HttpContext http, EnrolmentHandlers h, CancellationToken ct)
    {
        var about = await h.AboutAsync(http.User.MemberId(), id, ct);
        if (!about.IsSuccess) return about.Error.ToProblem();
        if (role is null) return new Invalid("role", "Choose Mentee or Mentor.").ToProblem();
        return TypedResults.Ok(await h.QuestionsForAsync(id, role.Value, ct));
    }

    private static async Task<Results<Ok<MyParticipation>, ProblemHttpResult>> Enrol(Guid id, EnrolRequest request, HttpContext http,
        EnrolmentHandlers h, CancellationToken ct) => Answer(await h.EnrolAsync(http.User.MemberId(), id, request, ct));

    private static async Task<Results<Ok<MyParticipation>, ProblemHttpResult>> Leave(Guid id, RoleRequest request, HttpContext http,
        EnrolmentHandlers h, CancellationToken ct) => Answer(await h.LeaveAsync(http.User.MemberId(), id, request, ct));

    private static async Task<Results<Ok<InvitationTarget>, ProblemHttpResult>> OpenInvitation(string token, HttpContext http,
        InvitationHandlers h, CancellationToken ct)
    {
        var result = await h.OpenAsync(http.User.MemberId(), token, ct);
        return result.IsSuccess
            ? TypedResults.Ok(new InvitationTarget(result.Value.Slug, result.Value.Role, result.Value.Name))
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<EnrolmentCounts>, ProblemHttpResult>> Counts(Guid id, HttpContext http,
        ParticipantHandlers h, CancellationToken ct) => Answer(await h.CountsAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Ok<IReadOnlyList<QuestionView>>, ProblemHttpResult>> Questions(Guid id, HttpContext http,
        ParticipantHandlers h, CancellationToken ct) => Answer(await h.QuestionsAsync(http.User.MemberId(), id, ct));

    private static async Task<Results<Ok<QuestionView>, ProblemHttpResult>> AddQuestion(Guid id, QuestionInput input, HttpContext http,
        ParticipantHandlers h, CancellationToken ct) => Answer(await h.AddQuestionAsync(http.User.MemberId(), id, input, ct));

    private static async Task<Results<Ok<QuestionView>, ProblemHttpResult>> ChangeQuestion(Guid id, Guid questionId, QuestionInput input,
        HttpContext http, ParticipantHandlers h, CancellationToken ct) =>
        Answer(await h.ChangeQuestionAsync(http.User.MemberId(), id, questionId, input, ct));

    private static async Task<Results<Ok<IReadOnlyList<QuestionView>>, ProblemHttpResult>> RemoveQuestion(Guid id, Guid questionId,
        HttpContext http, ParticipantHandlers h, CancellationToken ct) =>
        Answer(await h.RemoveQuestionAsync(http.User.MemberId(), id, questionId, ct));

    private static async Task<Results<Ok<ParticipantPage>, ProblemHttpResult>> Participants(Guid id, ProgrammeRole? role,
        ParticipantStatus? status, string? q, int? page, int? pageSize, HttpContext http, ParticipantHandlers h, CancellationToken ct) =>
        Answer(await h.ParticipantsAsync(http.User.MemberId(), id, role, status, q, page ?? 1, pageSize ?? 50, ct));

    private static async Task<Results<Ok<ParticipantView>, ProblemHttpResult>> Participant(Guid id, Guid participantId, HttpContext http,
        ParticipantHandlers h, CancellationToken ct) => Answer(await h.ParticipantAsync(http.User.MemberId(), id, participantId, ct));

    private static async Task<Results<Ok<ParticipantView>, ProblemHttpResult>> Capacity(Guid id, Guid participantId,
        CapacityRequest request, HttpContext http, ParticipantHandlers h, CancellationToken ct) =>
        Answer(await h.SetCapacityAsync(http.User.MemberId(), id, participantId, request, ct));

    private static async Task<Results<Ok<ParticipantView>, ProblemHttpResult>> Remove(Guid id, Guid participantId, HttpContext http,
        ParticipantHandlers h, CancellationToken ct) => Answer(await h.RemoveAsync(http.User.MemberId(), id, participantId, ct));

    /// <summary>The body is the CSV file itself (text/csv): a cross-site form cannot send that type, so no antiforgery
    /// token is needed even for a cookie-signed-in caller.</summary>
    private static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> Import(Guid id, bool? dryRun, HttpContext http,
        ParticipantImport import, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = ParticipantImport.MaxBytes + 1;
        if (!(http.Request.ContentType ?? "").StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
            return new Invalid("file", "Send the file as the body, with Content-Type: text/csv.").ToProblem();
        using var buffer = new MemoryStream();
        try
        {
            await http.Request.Body.CopyToAsync(buffer, ct);
        }
        catch (BadHttpRequestException)
        {
            return new Invalid("file", $"The file is larger than {ParticipantImport.MaxBytes / 1024 / 1024} MB.").ToProblem();
        }
        var result = await import.RunAsync(http.User.MemberId(), id, buffer.ToArray(), dryRun ?? false, ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        if (result.Value.ErrorCount == 0) return TypedResults.Ok(result.Value);
        // Bad rows: a 400 problem document whose errors name each line (the summary says how many there were in all).
        var errors = result.Value.Errors.GroupBy(e => $"line {e.Line}").ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray());
        return TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The file has bad rows; nothing was imported.",
            Detail = $"{result.Value.ErrorCount} problem(s) in the file; fix them and import it again.",
        });
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(Guid id, HttpContext http,
        ParticipantExport export, CancellationToken ct)
    {
        var result = await export.ParticipantsAsync(http.User.MemberId(), id, ct);
        return result.IsSuccess
            ? TypedResults.File(result.Value, "text/csv; charset=utf-8", "participants.csv")
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<IReadOnlyList<InvitationView>>, ProblemHttpResult>> Invitations(Guid id, int? page,
        int? pageSize, HttpContext http, InvitationHandlers h, CancellationToken ct) =>
        Answer(await h.ListAsync(http.User.MemberId(), id, page ?? 1, pageSize ?? 50, ct));

    private static async Task<Results<Ok<InviteResult>, ProblemHttpResult>> Invite(Guid id, InviteRequest request, HttpContext http,
        InvitationHandlers h, CancellationToken ct) => Answer(await h.InviteAsync(http.User.MemberId(), id, request, ct));

    private static async Task<Results<Ok<InvitationView>, ProblemHttpResult>> Resend(Guid id, Guid invitationId, HttpContext http,
        InvitationHandlers h, CancellationToken ct) => Answer(await h.ResendAsync(http.User.MemberId(), id, invitationId, ct));

    private static async Task<Results<Ok<InvitationView>, ProblemHttpResult>> Revoke(Guid id, Guid invitationId, HttpContext http,
        InvitationHandlers h, CancellationToken ct) => Answer(await h.RevokeAsync(http.User.MemberId(), id, invitationId, ct));

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}

public sealed record InvitationTarget(string Slug, ProgrammeRole Role, string Programme);
