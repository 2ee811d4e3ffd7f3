using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Programmes.Reports;

/// <summary>
/// How a programme is doing, in counts only: each report is one aggregate query in the database (GROUP BY over the
/// programme's participants and pairs), turned into a suppressed table. No query reads what anyone wrote.
/// </summary>
public sealed class ProgrammeReports(TrellisDbContext db, ProgrammeAccess access, ActivityReports activity,
    IEnumerable<IPairReport> pairReports, TimeProvider clock)
{
    private static readonly MentorshipStatus[] Running = [MentorshipStatus.Active, MentorshipStatus.Paused];

    public Task<Result<ProgrammeReportsView>> AllAsync(Guid me, Guid id, CancellationToken ct) => BuildAsync(me, id, only: null, ct);

    /// <summary>One report (its CSV) without building the other nine: the heavy ones read every row of the programme.</summary>
    public async Task<Result<Report>> OneAsync(Guid me, Guid id, string key, CancellationToken ct)
    {
        var built = await BuildAsync(me, id, key, ct);
        if (!built.IsSuccess) return built.Error!;
        return built.Value!.Reports.SingleOrDefault() is { } report ? report : new NotFoundError("No such report.");
    }

    private async Task<Result<ProgrammeReportsView>> BuildAsync(Guid me, Guid id, string? only, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is not { } programme) return new NotFoundError("No such programme.");
        var now = clock.GetUtcNow();
        var words = (Plural(programme.MenteeWord), Plural(programme.MentorWord));
        var firstJoined = await db.Participants.AsNoTracking().Where(p => p.ProgrammeId == id)
            .MinAsync(p => (DateTimeOffset?)p.JoinedAt, ct);
        var months = Months.Between(firstJoined is { } f && f < programme.CreatedAt ? f : programme.CreatedAt, now);
        var scope = new PairScope(db.Mentorships.Where(m => m.ProgrammeId == id).Select(m => m.Id), months, now);
        List<(int Position, string Key, Func<Task<Report>> Build)> all =
        [
            (10, "enrolment", () => EnrolmentAsync(id, words, ct)),
            (20, "joined", () => activity.JoinedAsync(id, months, words, ct)),
            (30, "match-rate", () => MatchRateAsync(id, words.Item1, ct)),
            (40, "first-meeting", () => activity.FirstMeetingAsync(id, now, ct)),
            (50, "meetings", () => activity.MeetingsAsync(id, months, now, ct)),
            (80, "completion", () => EndingsAsync(id, ct)),
            (90, "end-reasons", () => EndReasonsAsync(id, ct)),
            (100, "mentor-load", () => MentorLoadAsync(id, words.Item2, ct)),
        ];
        all.AddRange(pairReports.Select(r => (r.Position, r.Key, (Func<Task<Report>>)(() => r.BuildAsync(scope, ct)))));
        var reports = new List<(int Position, Report Report)>();
        foreach (var (position, _, build) in all.Where(r => only is null || r.Key == only))
            reports.Add((position, await build()));
        return new ProgrammeReportsView(programme.Id, programme.Name, programme.Slug, now,
            [.. reports.OrderBy(r => r.Position).Select(r => r.Report)]);
    }

    /// <summary>The reports the overview's five numbers come from, so a figure hidden in a report is hidden there too.</summary>
    internal async Task<(Report Enrolment, Report MatchRate, Report Completion)> GlanceAsync(Programme programme, CancellationToken ct) =>
        (await EnrolmentAsync(programme.Id, (Plural(programme.MenteeWord), Plural(programme.MentorWord)), ct),
            await MatchRateAsync(programme.Id, Plural(programme.MenteeWord), ct), await EndingsAsync(programme.Id, ct));

    private static readonly (ParticipantStatus Status, string Label)[] Statuses =
    [
        (ParticipantStatus.Enrolled, "Enrolled"), (ParticipantStatus.Incomplete, "Form not finished"),
        (ParticipantStatus.Left, "Left"), (ParticipantStatus.Removed, "Removed"),
    ];

    private async Task<Report> EnrolmentAsync(Guid id, (string Mentees, string Mentors) words, CancellationToken ct)
    {
        var groups = await db.Participants.AsNoTracking().Where(p => p.ProgrammeId == id)
            .GroupBy(p => new { p.Status, p.Role }).Select(g => new { g.Key.Status, g.Key.Role, People = g.Count() })
            .ToListAsync(ct);
        var counts = new int[Statuses.Length, 2];
        foreach (var g in groups)
            counts[Array.FindIndex(Statuses, s => s.Status == g.Status), g.Role == ProgrammeRole.Mentee ? 0 : 1] = g.People;
        return new CountTable([.. Statuses.Select(s => s.Label)], [words.Mentees, words.Mentors], counts)
        { TotalRow = "All", TotalColumn = "Both roles" }
            .ToReport("enrolment", "Enrolment by role", "Everyone who joined the programme, by role and where they are now.",
                ChartKind.StackedBar, "A member in both roles counts once in each.");
    }

    private async Task<Report> MatchRateAsync(Guid id, string mentees, CancellationToken ct)
    {
        // 0: not matched, 1: proposed and waiting for answers, 2: a pair of theirs has started (running or not).
        var groups = await db.Participants.AsNoTracking()
            .Where(p => p.ProgrammeId == id && p.Role == ProgrammeRole.Mentee && p.Status == ParticipantStatus.Enrolled)
            .Select(p => db.Mentorships.Any(m => m.ProgrammeId == id && m.MenteeId == p.MemberId && m.ActivatedAt != null) ? 2
                : db.Mentorships.Any(m => m.ProgrammeId == id && m.MenteeId == p.MemberId
                    && (m.Status == MentorshipStatus.Proposed || m.Status == MentorshipStatus.Negotiating)) ? 1 : 0)
            .GroupBy(state => state).Select(g => new { State = g.Key, People = g.Count() })
            .ToListAsync(ct);
        var counts = new int[3, 1];
        foreach (var g in groups) counts[2 - g.State, 0] = g.People;
        return new CountTable(["Matched: their pair has started", "Proposed, waiting for answers", "Not matched yet"],
            [$"Enrolled {mentees.ToLowerInvariant()}"], counts)
        { TotalRow = "All", ShareColumn = "Share" }
            .ToReport("match-rate", "Match rate", $"Enrolled {mentees.ToLowerInvariant()} whose pair has started.", ChartKind.Bar);
    }

    private async Task<Report> EndingsAsync(Guid id, CancellationToken ct)
    {
        var groups = await Started(id).GroupBy(m => m.Status).Select(g => new { Status = g.Key, Pairs = g.Count() })
            .ToListAsync(ct);
        var counts = new int[3, 1];
        foreach (var g in groups)
            counts[g.Status == MentorshipStatus.Completed ? 1 : g.Status == MentorshipStatus.Ended ? 2 : 0, 0] += g.Pairs;
        return new CountTable(["Running", "Completed", "Ended early"], ["Pairs"], counts) { TotalRow = "All", ShareColumn = "Share" }
            .ToReport("completion", "Completion and early ends", "Every pair that started, by how it stands or ended.",
                ChartKind.Bar);
    }

    private static readonly (EndReason? Reason, string Label)[] Reasons =
    [
        (EndReason.NotWorking, "It wasn't working"), (EndReason.NoTime, "No time any more"),
        (EndReason.GoalsChanged, "Goals changed"), (EndReason.LifeChanged, "Something changed in their life"),
        (EndReason.Other, "Another reason"), (null, "No reason given"),
    ];

    private async Task<Report> EndReasonsAsync(Guid id, CancellationToken ct)
    {
        // The reason's category only: the note the member may have added is never read here.
        var groups = await Started(id).Where(m => m.Status == MentorshipStatus.Ended)
            .GroupBy(m => m.EndReason).Select(g => new { Reason = g.Key, Pairs = g.Count() }).ToListAsync(ct);
        var counts = new int[Reasons.Length, 1];
        foreach (var g in groups) counts[Array.FindIndex(Reasons, r => r.Reason == g.Reason), 0] = g.Pairs;
        return new CountTable([.. Reasons.Select(r => r.Label)], ["Pairs"], counts) { TotalRow = "Ended early", ShareColumn = "Share" }
            .ToReport("end-reasons", "Why pairs ended early", "The reason the member who ended it picked, counted; never their words.",
                ChartKind.Bar);
    }

    private async Task<Report> MentorLoadAsync(Guid id, string mentors, CancellationToken ct)
    {
        // 0: no pair, 1: below capacity, 2: at capacity, 3: above it (the capacity was lowered after matching).
        var groups = await db.Participants.AsNoTracking()
            .Where(p => p.ProgrammeId == id && p.Role == ProgrammeRole.Mentor && p.Status == ParticipantStatus.Enrolled)
            .Select(p => new
            {
                p.Capacity,
                Pairs = db.Mentorships.Count(m => m.ProgrammeId == id && m.MentorId == p.MemberId && Running.Contains(m.Status)),
            })
            .Select(x => x.Pairs == 0 ? 0 : x.Pairs < x.Capacity ? 1 : x.Pairs == x.Capacity ? 2 : 3)
            .GroupBy(load => load).Select(g => new { Load = g.Key, People = g.Count() })
            .ToListAsync(ct);
        var counts = new int[4, 1];
        foreach (var g in groups) counts[g.Load, 0] = g.People;
        return new CountTable(["No pair yet", "Below capacity", "At capacity", "Above capacity"], [$"Enrolled {mentors.ToLowerInvariant()}"],
            counts)
        { TotalRow = "All", ShareColumn = "Share" }
            .ToReport("mentor-load", $"{mentors[..^1]} load", "Running pairs against the capacity each one offered.", ChartKind.Bar);
    }

    /// <summary>The programme's pairs that started (both accepted), whatever they became since.</summary>
    private IQueryable<Mentorship> Started(Guid id) =>
        db.Mentorships.AsNoTracking().Where(m => m.ProgrammeId == id && m.ActivatedAt != null);

    private static string Plural(string word) => char.ToUpperInvariant(word[0]) + word[1..] + "s";
}
