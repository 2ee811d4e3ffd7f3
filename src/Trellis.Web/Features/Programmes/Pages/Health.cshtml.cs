using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Features.Programmes.Health;
using Trellis.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>The pairs that may need help, with their signals (never their content), and a nudge for each.</summary>
public sealed class HealthModel(ProgrammeAccess access, PairHealth health, PairNudges nudges, TrellisDbContext db,
    TimeProvider time) : CoordinatorPage(access)
{
    public ProgrammeHealth Health { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Health = await health.OfAsync(Programme.Id, ct);
        Zone = await db.ZoneOfAsync(Me, ct);
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

    public static string StatusWord(MentorshipStatus status) => Mentorship.Describe(status);
}
