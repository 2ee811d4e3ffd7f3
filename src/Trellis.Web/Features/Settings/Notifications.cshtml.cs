using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Settings;

[Authorize(Policy = Policies.Member)]
public sealed class NotificationsModel(NotificationCentre centre) : TrellisPageModel
{
    public IReadOnlyList<PreferenceView> Preferences { get; private set; } = [];

    [BindProperty]
    public List<PreferenceChange> Choices { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Preferences = await centre.PreferencesAsync(Me, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await centre.SetPreferencesAsync(Me, Choices, ct);
        if (!result.IsSuccess)
        {
            AddErrors(result.Error);
            Preferences = await centre.PreferencesAsync(Me, ct);
            return Page();
        }
        TempData["Status"] = "Your e-mail preferences are saved.";
        return RedirectToPage();
    }

    public static string Describe(NotificationKind kind) => kind switch
    {
        NotificationKind.MentorshipRequest => "Someone asks me to be their mentor",
        NotificationKind.CounterProposal => "A proposal I made gets an answer or a counter-proposal",
        NotificationKind.RequestAnswered => "A request is accepted, declined, withdrawn or expires",
        NotificationKind.MeetingChanged => "A meeting is proposed or changed",
        NotificationKind.MeetingReminder => "Reminders before a meeting",
        NotificationKind.NewMessage => "New messages",
        NotificationKind.CritiqueAnswered => "Work I sent for critique gets an answer",
        NotificationKind.CheckIn => "Check-ins",
        NotificationKind.ReviewDue => "A relationship review is due",
        NotificationKind.MentorshipQuestion => "A question about a request I'm part of",
        NotificationKind.RequestReminder => "A request waiting for my answer is about to expire",
        NotificationKind.MentorshipChanged => "A mentorship is paused, resumed, extended, completed or ended",
        NotificationKind.ReportFiled => "A member reports something (administrators only)",
        NotificationKind.CritiqueRequested => "My mentee sends work for critique or replies about it",
        NotificationKind.ResourceShared => "An article or a book is shared with me",
        NotificationKind.Endorsement => "An endorsement of me is written, or one I wrote is published",
        NotificationKind.Programme => "News from a programme I take part in or coordinate (enrolment, matches)",
        _ => kind.ToString(),
    };

    public static string Describe(EmailFrequency frequency) => frequency switch
    {
        EmailFrequency.Immediately => "Right away",
        EmailFrequency.DailyDigest => "In a daily digest",
        _ => "Never",
    };
}
