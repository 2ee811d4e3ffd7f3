using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Goals;

/// <summary>
/// When a mentorship starts, the goals written into its agreement become the mentee's first goals, shared
/// with it. A goal the mentee already has under the same title (ignoring case) is shared instead of copied,
/// so two mentorships about the same ambition look at the same goal.
/// </summary>
public sealed class GoalSeeding(TrellisDbContext db) : IMentorshipStatusListener
{
    public async Task OnStatusChangedAsync(MentorshipStatusChange change, CancellationToken ct)
    {
        if (change.To != MentorshipStatus.Active || change.From is not (MentorshipStatus.Proposed or MentorshipStatus.Negotiating)) return;
        var m = change.Mentorship;
        var titles = m.InForce?.Terms.Goals ?? [];
        if (titles.Count == 0) return;
        var existing = await db.Goals.Include(g => g.Links).Where(g => g.OwnerId == m.MenteeId).ToListAsync(ct);
        var added = 0;
        foreach (var title in titles.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var goal = existing.FirstOrDefault(g => string.Equals(g.Title, title, StringComparison.OrdinalIgnoreCase));
            if (goal is null)
            {
                goal = Goal.FromAgreement(m.MenteeId, title[..Math.Min(title.Length, Goal.TitleMax)], change.At);
                db.Add(goal);
                added++;
            }
            goal.LinkTo(m.Id, change.At);
        }
        db.AddTimeline(m.Id, change.At, null, "goal",
            $"The agreement's goals were shared with this mentorship ({titles.Count} in all, {added} new to the mentee's goals).", GoalHandlers.MentorshipLink(m.Id));
    }
}
