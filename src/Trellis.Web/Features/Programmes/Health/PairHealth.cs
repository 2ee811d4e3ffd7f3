using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Health;

/// <summary>One pair that may need help: who, where it stands, which signals — never what is inside it.</summary>
public sealed record PairSignals(Guid MentorshipId, Guid MenteeId, string Mentee, Guid MentorId, string Mentor, MentorshipStatus Status,
    IReadOnlyList<string> Signals, DateTimeOffset? LastNudgedAt, DateTimeOffset? NudgeAgainAfter);

/// <summary>A programme's pair health: active pairs, how many need help, how many are healthy, and the pairs to look at.</summary>
public sealed record ProgrammeHealth(int Active, int NeedingHelp, int Healthy, HealthRules Rules, IReadOnlyList<PairSignals> Pairs,
    IReadOnlyList<NudgeLogLine> NudgeLog);

/// <summary>The nudge log: how many nudges of a kind were sent and to how many members in all.</summary>
public sealed record NudgeLogLine(NudgeKind Kind, int Nudges, int Recipients);

/// <summary>
/// The pair-health signals of a programme's pairs (ADR 0031). A programme's pairs are the mentorships it made
/// (<see cref="Mentorship.ProgrammeId"/>). Active pairs carry the workspace signals (<see cref="IPairSignal"/>: no
/// meeting, low review, overdue check-in); a proposal still waiting for its answer carries RequestUnanswered. Paused
/// and finished pairs carry none. Healthy = active with no signal — the number reports use.
/// </summary>
public sealed class PairHealth(TrellisDbContext db, IEnumerable<IPairSignal> signals, TimeProvider time)
{
    public const string RequestUnanswered = "RequestUnanswered";

    /// <summary>A pair may be nudged by hand once in this long.</summary>
    public static readonly TimeSpan ManualNudgeWindow = TimeSpan.FromHours(24);

    public IQueryable<Mentorship> Active(Guid programmeId) =>
        db.Mentorships.Where(m => m.ProgrammeId == programmeId && m.Status == MentorshipStatus.Active);

    /// <summary>Each flagged pair's signals, in a fixed order (workspace signals, then the request).</summary>
    public async Task<Dictionary<Guid, List<string>>> SignalsAsync(Guid programmeId, HealthRules rules, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var flagged = new Dictionary<Guid, List<string>>();
        void Add(IEnumerable<Guid> ids, string signal)
        {
            foreach (var id in ids)
            {
                if (!flagged.TryGetValue(id, out var list)) flagged[id] = list = [];
                list.Add(signal);
            }
        }
        foreach (var signal in signals.OrderBy(s => s.Name, StringComparer.Ordinal))
            Add(await signal.Flagged(Active(programmeId), now, rules).Select(f => f.MentorshipId).ToListAsync(ct), signal.Name);
        var asked = now.AddDays(-rules.RequestPendingDays);
        Add(await db.Mentorships
            .Where(m => m.ProgrammeId == programmeId && Mentorship.OpenStatuses.Contains(m.Status) && m.UpdatedAt <= asked)
            .Select(m => m.Id).ToListAsync(ct), RequestUnanswered);
        return flagged;
    }

    public async Task<ProgrammeHealth> OfAsync(Guid programmeId, CancellationToken ct)
    {
        var rules = (await NudgeSettingsHandlers.OfAsync(db, programmeId, ct)).Rules;
        var flagged = await SignalsAsync(programmeId, rules, ct);
        var ids = flagged.Keys.ToList();
        var rows = await db.Mentorships.Where(m => ids.Contains(m.Id))
            .Select(m => new
            {
                m.Id, m.MenteeId, m.MentorId, m.Status,
                Mentee = db.Users.Where(u => u.Id == m.MenteeId).Select(u => u.DisplayName).First(),
                Mentor = db.Users.Where(u => u.Id == m.MentorId).Select(u => u.DisplayName).First(),
            })
            .ToListAsync(ct);
        var nudged = await LastNudgesAsync(programmeId, ids, ct);
        var pairs = rows
            .Select(r => new PairSignals(r.Id, r.MenteeId, r.Mentee, r.MentorId, r.Mentor, r.Status, flagged[r.Id],
                nudged.TryGetValue(r.Id, out var at) ? at : null, nudged.TryGetValue(r.Id, out var a) ? a + ManualNudgeWindow : null))
            .OrderBy(p => p.Mentee, StringComparer.CurrentCulture).ThenBy(p => p.MentorshipId)
            .ToList();
        var active = await Active(programmeId).CountAsync(ct);
        var activeFlagged = pairs.Count(p => p.Status == MentorshipStatus.Active);
        var log = await db.NudgeClaims.Where(c => c.ProgrammeId == programmeId).GroupBy(c => c.Kind)
            .Select(g => new NudgeLogLine(g.Key, g.Count(), g.Sum(c => c.Recipients))).ToListAsync(ct);
        return new ProgrammeHealth(active, pairs.Count, active - activeFlagged, rules, pairs, [.. log.OrderBy(l => l.Kind)]);
    }

    private async Task<Dictionary<Guid, DateTimeOffset>> LastNudgesAsync(Guid programmeId, List<Guid> ids, CancellationToken ct)
    {
        var claims = await db.Set<NudgeClaim>()
            .Where(c => c.ProgrammeId == programmeId && c.Kind == NudgeKind.Manual && ids.Contains(c.SubjectId))
            .Select(c => new { c.SubjectId, c.At })
            .ToListAsync(ct);
        return claims.GroupBy(c => c.SubjectId).ToDictionary(g => g.Key, g => g.Max(c => c.At));
    }
}
