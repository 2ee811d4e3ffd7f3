using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Health;

/// <summary>
/// The automatic nudges of every programme that turned some on (ADR 0031). Each nudge is one <see cref="NudgeClaim"/>
/// whose unique key (programme, kind, subject, occurrence) is inserted by the same SaveChanges as its notifications and
/// outbox e-mails: on several nodes at once, one insert wins and the others roll back, so each is sent exactly once.
/// Occurrence: for a pair with no meeting, since when (its last meeting, or its start) — a new meeting and another
/// silence make a new one; for a waiting proposal, its last move; for "not matched yet" and "enrolment not finished",
/// the ISO week, so a condition that stays true is nudged at most weekly.
/// </summary>
public sealed class ProgrammeNudges(IServiceScopeFactory scopes, TimeProvider time)
{
    private sealed record Candidate(NudgeKind Kind, Guid SubjectId, string Occurrence, IReadOnlyList<Guid> To, string Title, string Body, string Link);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        List<(Programme Programme, NudgeSettings Settings)> programmes;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            programmes = (await db.Set<NudgeSettings>().AsNoTracking()
                .Where(s => s.NoMeetingOn || s.RequestPendingOn || s.NotMatchedOn || s.EnrolmentUnfinishedOn)
                .Join(db.Programmes.AsNoTracking().Where(p => p.ArchivedAt == null && p.Status != ProgrammeStatus.Draft && p.Status != ProgrammeStatus.Closed),
                    s => s.ProgrammeId, p => p.Id, (s, p) => new { s, p })
                .ToListAsync(ct)).Select(x => (x.p, x.s)).ToList();
        }

        var sent = 0;
        foreach (var (programme, settings) in programmes)
        {
            List<Candidate> candidates;
            await using (var scope = scopes.CreateAsyncScope())
                candidates = await CandidatesAsync(scope.ServiceProvider, programme, settings, now, ct);
            foreach (var candidate in candidates)
                if (await SendAsync(programme.Id, candidate, now, ct)) sent++;
        }
        return sent;
    }

    private async Task<bool> SendAsync(Guid programmeId, Candidate c, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        if (await db.NudgeClaims.AnyAsync(x => x.ProgrammeId == programmeId && x.Kind == c.Kind && x.SubjectId == c.SubjectId
                                               && x.Occurrence == c.Occurrence, ct)) return false;
        db.NudgeClaims.Add(new NudgeClaim(programmeId, c.Kind, c.SubjectId, c.Occurrence, null, c.To.Count, now));
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        foreach (var to in c.To) await notifier.PublishAsync(to, NotificationKind.Programme, c.Title, c.Body, c.Link, ct);
        return await db.TrySaveAsync(ct); // false: another node claimed it first, and nothing of ours was written
    }

    private static async Task<List<Candidate>> CandidatesAsync(IServiceProvider sp, Programme p, NudgeSettings s, DateTimeOffset now, CancellationToken ct)
    {
        var db = sp.GetRequiredService<TrellisDbContext>();
        var list = new List<Candidate>();
        var week = ISOWeek.GetYear(now.UtcDateTime).ToString(CultureInfo.InvariantCulture) + "-W"
                   + ISOWeek.GetWeekOfYear(now.UtcDateTime).ToString("00", CultureInfo.InvariantCulture);

        if (s.NoMeetingOn)
        {
            var signal = sp.GetServices<IPairSignal>().Single(x => x.Name == SignalNames.NoMeeting);
            var running = db.Mentorships.Where(m => m.ProgrammeId == p.Id && m.Status == MentorshipStatus.Active);
            var flags = await signal.Flagged(running, now, s.Rules).ToListAsync(ct);
            var ids = flags.Select(f => f.MentorshipId).ToList();
            var pairs = await db.Mentorships.Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.MenteeId, m.MentorId }).ToListAsync(ct);
            foreach (var f in flags)
            {
                var pair = pairs.Single(x => x.Id == f.MentorshipId);
                list.Add(new Candidate(NudgeKind.NoMeeting, f.MentorshipId, f.Since.UtcTicks.ToString(CultureInfo.InvariantCulture),
                    [pair.MenteeId, pair.MentorId], $"{p.Name}: time for your next meeting?",
                    $"You have not met for {s.NoMeetingWeeks} weeks or more. Plan your next meeting together; if something is in the way, the coordinators of {p.Name} are there to help.",
                    $"/Mentorships/{f.MentorshipId}/Meetings"));
            }
        }

        if (s.RequestPendingOn)
        {
            var asked = now.AddDays(-s.RequestPendingDays);
            var waiting = await db.Mentorships
                .Where(m => m.ProgrammeId == p.Id && m.Status == MentorshipStatus.Proposed && m.UpdatedAt <= asked)
                .Select(m => new { m.Id, m.MentorId, m.UpdatedAt }).ToListAsync(ct);
            list.AddRange(waiting.Select(w => new Candidate(NudgeKind.RequestPending, w.Id, w.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
                [w.MentorId], $"{p.Name}: a proposal is waiting for your answer",
                $"A mentorship proposal from {p.Name} has waited {s.RequestPendingDays} days or more. Accept it, suggest changes or decline: your answer lets the mentee move on.",
                $"/Mentorships/{w.Id}")));
        }

        if (s.NotMatchedOn)
        {
            var enrolled = now.AddDays(-s.NotMatchedDays);
            var unmatched = await db.Participants
                .Where(x => x.ProgrammeId == p.Id && x.Role == ProgrammeRole.Mentee && x.Status == ParticipantStatus.Enrolled
                            && x.EnrolledAt <= enrolled
                            && !db.Mentorships.Any(m => m.ProgrammeId == p.Id && m.MenteeId == x.MemberId && Mentorship.OngoingStatuses.Contains(m.Status)))
                .Select(x => new { x.Id, x.MemberId }).ToListAsync(ct);
            var (title, body, link) = p.MatchingMode == MatchingMode.MenteeChoice
                ? ($"{p.Name}: find your {p.MentorWord}", $"You are enrolled in {p.Name} and have no {p.MentorWord} yet: look through its {p.MentorWord}s and ask one.", $"/Programmes/{p.Slug}/Mentors")
                : ($"{p.Name}: your match is on its way", $"You are enrolled in {p.Name} and not matched yet. The coordinators are on it; a full profile helps them find the right {p.MentorWord}.", $"/Programmes/{p.Slug}");
            list.AddRange(unmatched.Select(u => new Candidate(NudgeKind.NotMatched, u.Id, week, [u.MemberId], title, body, link)));
        }

        if (s.EnrolmentUnfinishedOn && p.AcceptsEnrolment)
        {
            var joined = now.AddDays(-s.EnrolmentUnfinishedDays);
            var unfinished = await db.Participants
                .Where(x => x.ProgrammeId == p.Id && x.Status == ParticipantStatus.Incomplete && x.JoinedAt <= joined)
                .Select(x => new { x.Id, x.MemberId, x.Role }).ToListAsync(ct);
            list.AddRange(unfinished.Select(u => new Candidate(NudgeKind.EnrolmentUnfinished, u.Id, week, [u.MemberId],
                $"{p.Name}: finish your enrolment",
                $"You started enrolling in {p.Name} as a {p.WordFor(u.Role)} but some answers or profile fields are still missing. Finish it so you can be matched.",
                $"/Programmes/{p.Slug}/Enrol?role={u.Role}")));
        }
        return list;
    }
}

[DisallowConcurrentExecution]
public sealed class ProgrammeNudgesJob(ProgrammeNudges nudges) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await nudges.RunOnceAsync(cancellationToken);
}
