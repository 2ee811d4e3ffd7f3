using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Moderation;

public static class ModerationApi
{
    /// <summary>Moderation's own services. Features that have reportable items register their <see cref="IReportTarget"/>
    /// (and features that show a member, their <see cref="ISuspensionListener"/>) where they are composed, so moderation
    /// depends on none of them.</summary>
    public static IServiceCollection AddTrellisModeration(this IServiceCollection services)
    {
        services.AddScoped<ReportHandlers>();
        services.AddScoped<ModerationHandlers>();
        return services;
    }

    public static void MapModeration(this RouteGroupBuilder api)
    {
        api.MapPost("/reports", File).WithTags("Moderation").RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimits.Reports).WithName("FileReport")
            .WithSummary("Report a message, request, profile, endorsement, or a question or answer under a guide, that you can see, for abuse. The reported member is never told who reported it. 409 if you already have an open report on it.");

        var admin = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(Policies.Administrator);
        admin.MapGet("/reports", List).WithName("ListOpenReports")
            .WithSummary("Open reports, newest first. Administrators only (anyone else: 404).");
        admin.MapGet("/reports/{id:guid}", Get).WithName("GetReport")
            .WithSummary("One report with the reported item as it was when reported: that item alone, never the conversation around it.");
        admin.MapPost("/reports/{id:guid}/hide", Hide).WithName("HideReportedContent")
            .WithSummary("Hide the reported item from everyone but administrators; closes every open report about it.");
        admin.MapPost("/reports/{id:guid}/dismiss", Dismiss).WithName("DismissReport")
            .WithSummary("Close the report without acting on the item.");
        admin.MapPost("/members/{id:guid}/suspend", Suspend).WithName("SuspendMember")
            .WithSummary("Suspend an account (reason required): it is signed out everywhere at once and cannot sign in.");
        admin.MapPost("/members/{id:guid}/unsuspend", Unsuspend).WithName("UnsuspendMember")
            .WithSummary("Lift a suspension; the member can sign in again.");
    }

    private static async Task<Results<Created<ReportReceipt>, ProblemHttpResult>> File(ReportRequest request, HttpContext http, ReportHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.FileAsync(http.User.MemberId(), request, ct);
        return result.IsSuccess ? TypedResults.Created((string?)null, result.Value) : result.Error.ToProblem();
    }

    private static async Task<Ok<List<ReportSummary>>> List(ModerationHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.OpenReportsAsync(ct));

    private static async Task<Results<Ok<ReportDetails>, ProblemHttpResult>> Get(Guid id, ModerationHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.GetAsync(id, ct));

    private static async Task<Results<Ok<ReportDetails>, ProblemHttpResult>> Hide(Guid id, AdminDecision? decision, HttpContext http, ModerationHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.HideAsync(http.User.MemberId(), id, decision ?? new(null), ct));

    private static async Task<Results<Ok<ReportDetails>, ProblemHttpResult>> Dismiss(Guid id, AdminDecision? decision, HttpContext http, ModerationHandlers handlers, CancellationToken ct) =>
        Answer(await handlers.DismissAsync(http.User.MemberId(), id, decision ?? new(null), ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Suspend(Guid id, AdminDecision? decision, Guid? reportId, HttpContext http, ModerationHandlers handlers, CancellationToken ct) =>
        Done(await handlers.SuspendAsync(http.User.MemberId(), id, decision ?? new(null), reportId, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Unsuspend(Guid id, AdminDecision? decision, Guid? reportId, HttpContext http, ModerationHandlers handlers, CancellationToken ct) =>
        Done(await handlers.UnsuspendAsync(http.User.MemberId(), id, decision ?? new(null), reportId, ct));

    private static Results<Ok<ReportDetails>, ProblemHttpResult> Answer(Result<ReportDetails> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();

    private static Results<NoContent, ProblemHttpResult> Done(Error? error) =>
        error is null ? TypedResults.NoContent() : error.ToProblem();
}
