using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Mentorships.Workspace;

/// <summary>
/// "Only its two members ever reach a mentorship", declared once per route group instead of once per handler.
/// <see cref="MapMentorshipGroup"/> marks every endpoint of a <c>/mentorships/{id}/…</c> group; the gate runs after
/// authorization and before the endpoint — before its body is read or validated — and answers a third member
/// exactly what a wrong id gets (404), or hands the endpoint the caller's <see cref="MentorshipMembership"/>.
/// A group whose routes name something inside the mentorship (<c>{checkInId}</c>) declares how to find it there
/// (<see cref="RequireChild"/>), so another mentorship's check-in id is a 404 too, before anything else is said.
/// Same shape as <c>RequireRateLimiting</c> + <c>UseRateLimiter</c>: an endpoint filter would run too late, after
/// .NET's validation (a 400 would come before the 404) and after parameters are bound.
/// </summary>
public static class MembershipGate
{
    /// <summary>A group for signed-in members under <c>/mentorships/{id}</c>, with the membership check.</summary>
    public static RouteGroupBuilder MapMentorshipGroup(this IEndpointRouteBuilder api, string suffix, string tag) =>
        api.MapMemberGroup("/mentorships/{id:guid}" + suffix, tag).RequireMembership();

    public static TBuilder RequireMembership<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(MembershipRequired.Instance);

    /// <summary>The route value <paramref name="key"/> names a <typeparamref name="T"/> that
    /// <paramref name="find"/> (database, mentorship id, child id) finds only inside the mentorship.</summary>
    public static TBuilder RequireChild<TBuilder, T>(
        this TBuilder builder, string key, Func<TrellisDbContext, Guid, Guid, IQueryable<T>> find)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ChildRequired(key, (db, mentorshipId, childId, ct) =>
            find(db, mentorshipId, childId).AnyAsync(ct)));

    /// <summary>Place after <c>UseAuthorization</c>.</summary>
    public static IApplicationBuilder UseMentorshipMembership(this IApplicationBuilder app) => app.Use(GateAsync);

    private static async Task GateAsync(HttpContext http, RequestDelegate next)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<MembershipRequired>() is null)
        {
            await next(http);
            return;
        }
        var membership = http.User.MemberIdOrNull() is { } me && RouteId(http, "id") is { } id
            ? await http.RequestServices.GetRequiredService<MentorshipAccess>().FindAsync(me, id, http.RequestAborted)
            : null;
        if (membership is null || !await ChildrenInsideAsync(http, membership.MentorshipId))
        {
            await new NotFoundError(membership is null ? "No such mentorship." : "Not found.").ToProblem()
                .ExecuteAsync(http);
            return;
        }
        http.Features.Set(membership);
        await next(http);
    }

    private static async Task<bool> ChildrenInsideAsync(HttpContext http, Guid mentorshipId)
    {
        var children = http.GetEndpoint()!.Metadata.GetOrderedMetadata<ChildRequired>();
        if (children.Count == 0) return true;
        var db = http.RequestServices.GetRequiredService<TrellisDbContext>();
        foreach (var child in children)
        {
            if (RouteId(http, child.Key) is not { } childId
                || !await child.ExistsAsync(db, mentorshipId, childId, http.RequestAborted)) return false;
        }
        return true;
    }

    private static Guid? RouteId(HttpContext http, string key) =>
        Guid.TryParse(http.Request.RouteValues[key] as string, out var id) ? id : null;

    public sealed class MembershipRequired
    {
        public static readonly MembershipRequired Instance = new();
    }

    public sealed record ChildRequired(string Key, Func<TrellisDbContext, Guid, Guid, CancellationToken, Task<bool>> ExistsAsync);
}
