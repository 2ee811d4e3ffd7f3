using Microsoft.AspNetCore.Mvc.Filters;
using Trellis.Web.Features.Shared;

namespace Trellis.Web.Features.Mentorships.Workspace;

/// <summary>
/// A page under <c>/Mentorships/{id}</c>: before any of its handlers runs, the caller's
/// <see cref="MentorshipMembership"/> is found (<see cref="MentorshipAccess"/>), or the answer is 404 — the page's
/// side of <see cref="MembershipGate"/>, so no handler can forget it.
/// </summary>
public abstract class MentorshipPageModel : TrellisPageModel
{
    public MentorshipMembership Membership { get; private set; } = null!;

    public override async Task OnPageHandlerExecutionAsync(
        PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var access = HttpContext.RequestServices.GetRequiredService<MentorshipAccess>();
        if (!Guid.TryParse(RouteData.Values["id"] as string, out var id)
            || await access.FindAsync(Me, id, HttpContext.RequestAborted) is not { } membership)
        {
            context.Result = NotFound();
            return;
        }
        Membership = membership;
        await next();
    }

    /// <summary>Reads the membership again after a change (the status or the agreement in force may have moved).</summary>
    protected async Task ReloadMembershipAsync(CancellationToken ct) =>
        Membership = await HttpContext.RequestServices.GetRequiredService<MentorshipAccess>()
            .FindAsync(Me, Membership.MentorshipId, ct) ?? Membership;
}
