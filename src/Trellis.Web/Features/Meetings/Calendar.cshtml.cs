using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Meetings;

/// <summary>The member's private calendar feed (make, replace, turn off) and meeting reminders.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class CalendarModel(CalendarFeeds feeds) : TrellisPageModel
{
    public CalendarFeedView? Feed { get; private set; }

    [BindProperty] public bool DayBefore { get; set; }
    [BindProperty] public bool HourBefore { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Feed = await feeds.GetAsync(Me, ct);

    /// <summary>The new address is shown on this response only (never put in TempData or a redirect).</summary>
    public async Task<IActionResult> OnPostRegenerateAsync(CancellationToken ct)
    {
        Feed = await feeds.RegenerateAsync(Me, ct);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        await feeds.RevokeAsync(Me, ct);
        TempData["Status"] = "Your calendar feed is turned off; its address no longer works.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemindersAsync(CancellationToken ct)
    {
        await feeds.SetRemindersAsync(Me, new ReminderSettingsRequest(DayBefore, HourBefore), ct);
        TempData["Status"] = "Your reminder settings are saved.";
        return RedirectToPage();
    }
}
