using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Messages.Components;

/// <summary>On the dashboard: unread messages in each of my mentorships.</summary>
public sealed class MessagesDashboardViewComponent(MessageHandlers handlers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("/Features/Messages/Components/MessagesDashboard.cshtml",
            await handlers.UnreadConversationsAsync(UserClaimsPrincipal.MemberId(), HttpContext.RequestAborted));
}

public sealed record MessagesSummary(Guid MentorshipId, int Unread, IReadOnlyList<MessageView> Latest, Guid Viewer);

/// <summary>On a mentorship's page: the unread count and the last few messages, as short excerpts.</summary>
public sealed class MessagesSummaryViewComponent(MessageHandlers handlers) : ViewComponent
{
    public const int Shown = 3;

    public async Task<IViewComponentResult> InvokeAsync(Guid mentorshipId)
    {
        var me = UserClaimsPrincipal.MemberId();
        var ct = HttpContext.RequestAborted;
        var latest = await handlers.LatestAsync(me, mentorshipId, Shown, ct);
        return View("/Features/Messages/Components/MessagesSummary.cshtml",
            new MessagesSummary(mentorshipId, await handlers.UnreadAsync(me, mentorshipId, ct), latest, me));
    }
}
