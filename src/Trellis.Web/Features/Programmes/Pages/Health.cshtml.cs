using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Features.Programmes.Health;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>The pairs that may need help, with their signals (never their content), and a nudge for each.</summary>
public sealed class HealthModel(ProgrammeAccess access, PairHealth health, PairNudges nudges, NudgeSettingsHandlers settings,
    TrellisDbContext db, TimeProvider time) : CoordinatorPage(access)
{
    public ProgrammeHealth Health { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>The automatic nudges form: unticked boxes post nothing, which binds as off.</summary>
    public sealed class NudgeForm
    {
        public bool NoMeetingOn { get; set; }
        public int? NoMeetingWeeks { get; set; }
        public bool RequestPendingOn { get; set; }
        public int? RequestPendingDays { get; set; }
        public bool NotMatchedOn { get; set; }
        public int? NotMatchedDays { get; set; }
        public bool EnrolmentUnfinishedOn { get; set; }
        public int? EnrolmentUnfinishedDays { get; set; }
        public Guid? Version { get; set; }

        public NudgeSettingsInput ToInput() => new(NoMeetingOn, NoMeetingWeeks, RequestPendingOn, RequestPendingDays, NotMatchedOn,
            NotMatchedDays, EnrolmentUnfinishedOn, EnrolmentUnfinishedDays, Version);

        public static NudgeForm From(NudgeSettingsView v) => new()
        {
            NoMeetingOn = v.NoMeetingOn, NoMeetingWeeks = v.NoMeetingWeeks, RequestPendingOn = v.RequestPendingOn,
            RequestPendingDays = v.RequestPendingDays, NotMatchedOn = v.NotMatchedOn, NotMatchedDays = v.NotMatchedDays,
            EnrolmentUnfinishedOn = v.EnrolmentUnfinishedOn, EnrolmentUnfinishedDays = v.EnrolmentUnfinishedDays, Version = v.Version,
        };
    }

    [BindProperty] public NudgeForm Settings { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Settings = NudgeForm.From((await settings.GetAsync(Me, Programme.Id, ct)).Value!);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Health = await health.OfAsync(Programme.Id, ct);
        Zone = await db.ZoneOfAsync(Me, ct);
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken ct)
    {
        var saved = await settings.SaveAsync(Me, Programme.Id, Settings.ToInput(), ct);
        if (saved.IsSuccess)
        {
            TempData["Status"] = "Automatic nudges are saved.";
            return Redirect(ManagePath("/Health"));
        }
        AddErrors(saved.Error, "Settings");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostNudgeAsync(Guid mentorshipId, CancellationToken ct)
    {
        var result = await nudges.NudgeAsync(Me, Programme.Id, mentorshipId, ct);
        if (result.IsSuccess)
        {
            TempData["Status"] = "Nudge sent to both members.";
            return Redirect(ManagePath("/Health"));
        }
        AddErrors(result.Error);
        await OnGetAsync(ct);
        return Page();
    }

    public string Describe(string signal) => signal switch
    {
        "NoMeeting" => $"No meeting in {Health.Rules.NoMeetingWeeks} weeks",
        "LowReview" => "Latest review scored low",
        "CheckInOverdue" => "A check-in is overdue",
        PairHealth.RequestUnanswered => $"Proposal unanswered for over {Health.Rules.RequestPendingDays} days",
        _ => signal,
    };

    public bool CanNudge(PairSignals pair) => pair.NudgeAgainAfter is not { } after || after <= time.GetUtcNow();

    public static string KindWord(NudgeKind kind) => kind switch
    {
        NudgeKind.Manual => "Sent by a coordinator",
        NudgeKind.NoMeeting => "Pairs with no meeting",
        NudgeKind.RequestPending => "Mentors with a proposal waiting",
        NudgeKind.NotMatched => "Mentees not matched yet",
        NudgeKind.EnrolmentUnfinished => "Enrolment not finished",
        _ => kind.ToString(),
    };

    public static string StatusWord(MentorshipStatus status) => Mentorship.Describe(status);
}
