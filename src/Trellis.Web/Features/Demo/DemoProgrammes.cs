using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Features.Programmes;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Features.Programmes.Matching;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Demo;

/// <summary>What the demo's programmes came to: the coordinator to sign in as, and each programme's address.</summary>
public sealed record DemoProgrammesResult(string CoordinatorEmail, IReadOnlyList<(string Name, string Slug, ProgrammeStatus Status, int Pairs)> Programmes);

/// <summary>
/// The coordinator's side of the demo: one running programme (its pairs approved, most accepted, one still a proposal)
/// and one cohort that is enrolling, both run by one coordinator account, made of members the demo community already
/// has. Everything goes through the same handlers as the pages (enrolment, drafts, approval, acceptance), so the demo
/// obeys every rule the product does. Skipped when the programmes exist already.
/// </summary>
public static class DemoProgrammes
{
    public const string CoordinatorEmail = "coordinator@demo.trellis.test";
    public const string RunningSlug = "demo-career-changers";
    public const string EnrollingSlug = "demo-autumn-cohort";

    public static async Task<DemoProgrammesResult> SeedAsync(IServiceProvider services, TextWriter progress, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<TrellisDbContext>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!await db.Programmes.AnyAsync(p => p.Slug == RunningSlug, ct))
        {
            var coordinator = await CoordinatorAsync(db, sp.GetRequiredService<IPasswordHasher<Member>>(), now, ct);
            // Members who are only seeking, and mentors with room, in the community's order (deterministic per seed).
            var mentees = await db.Profiles.Where(p => p.SeekingMentor && !p.OpenToMentoring && p.MemberId != coordinator)
                .OrderBy(p => p.MemberId).Select(p => p.MemberId).Take(14).ToListAsync(ct);
            var mentors = await db.Profiles.Where(p => p.OpenToMentoring && p.MentorCapacity > p.ActiveMentees)
                .OrderBy(p => p.MemberId).Select(p => p.MemberId).Take(8).ToListAsync(ct);
            if (mentees.Count < 14 || mentors.Count < 8)
                throw new InvalidOperationException("The demo community is too small for its programmes: seed at least 60 members.");

            var running = await ProgrammeAsync(sp, coordinator, RunningSlug, "Career changers circle", ProgrammeKind.Evergreen, null, ct);
            await EnrolAsync(sp, running, mentees[..8], mentors[..4], ct);
            var pairs = 0;
            for (var i = 0; i < 4; i++)
            {
                var matches = sp.GetRequiredService<MatchHandlers>();
                var draft = await matches.CreateAsync(coordinator, running, new DraftInput(mentees[i], mentors[i]), ct);
                if (!draft.IsSuccess) continue;
                var approved = await matches.ApproveAsync(coordinator, running, draft.Value.Id, new ApproveInput(draft.Value.Version), ct);
                if (approved.Value?.MentorshipId is not { } mentorship) continue;
                pairs++;
                // Three mentors accept; the fourth proposal waits for its mentor, as real ones do.
                if (i < 3) await sp.GetRequiredService<MentorshipHandlers>().AcceptAsync(mentors[i], mentorship, new AcceptRequest(1), ct);
            }
            await MoveAsync(sp, coordinator, running, ProgrammeStatus.Running, ct);
            progress.WriteLine($"  Career changers circle: running, {pairs} approved pairs");

            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var enrolling = await ProgrammeAsync(sp, coordinator, EnrollingSlug, "Autumn cohort", ProgrammeKind.Cohort, today.AddDays(30), ct);
            await EnrolAsync(sp, enrolling, mentees[8..], mentors[4..], ct);
            progress.WriteLine("  Autumn cohort: enrolling");
        }

        var programmes = await db.Programmes.Where(p => p.Slug == RunningSlug || p.Slug == EnrollingSlug).OrderBy(p => p.Slug)
            .Select(p => new { p.Name, p.Slug, p.Status, Pairs = db.Mentorships.Count(m => m.ProgrammeId == p.Id) }).ToListAsync(ct);
        return new DemoProgrammesResult(CoordinatorEmail, [.. programmes.Select(p => (p.Name, p.Slug, p.Status, p.Pairs))]);
    }

    private static async Task<Guid> CoordinatorAsync(TrellisDbContext db, IPasswordHasher<Member> hasher, DateTimeOffset now, CancellationToken ct)
    {
        var normalized = CoordinatorEmail.ToUpperInvariant();
        if (await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct) is { } id) return id;
        var member = DemoSeeder.NewMember(CoordinatorEmail, "Cora Coordinator", hasher.HashPassword(new Member(), DemoSeeder.Password), now);
        var profile = new Profile(member.Id, now);
        profile.Update(new ProfileInput
        {
            DisplayName = "Cora Coordinator", TimeZone = "Europe/London", Languages = ["English"], Field = "Human resources",
            CurrentRole = "Programme coordinator", YearsOfExperience = 12, Visibility = ProfileVisibility.Members,
        }, now);
        db.Users.Add(member);
        db.Profiles.Add(profile);
        await db.SaveChangesAsync(ct);
        return member.Id;
    }

    /// <summary>Created as a site administrator would, owned by the coordinator, matched by hand, open to enrol.</summary>
    private static async Task<Guid> ProgrammeAsync(IServiceProvider sp, Guid coordinator, string slug, string name, ProgrammeKind kind,
        DateOnly? enrolmentClosesOn, CancellationToken ct)
    {
        var handlers = sp.GetRequiredService<ProgrammeHandlers>();
        var created = Ok(await handlers.CreateAsync(new CreateProgrammeInput { Slug = slug, Name = name, Kind = kind, OwnerEmail = CoordinatorEmail }, ct));
        var db = sp.GetRequiredService<TrellisDbContext>();
        var details = ProgrammeDetailsInput.From(await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == created.Id, ct));
        details.Description = kind == ProgrammeKind.Cohort
            ? "A twelve-week cohort for people early in their careers. Enrol by the closing day; we match everyone together."
            : "For people moving into a new field: a mentor who made a similar move, all year round.";
        details.EnrolmentClosesOn = enrolmentClosesOn;
        Ok(await handlers.UpdateDetailsAsync(coordinator, created.Id, details, ct));
        var matching = MatchingSettingsInput.From(await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == created.Id, ct));
        matching.Mode = MatchingMode.ByHand;
        Ok(await handlers.UpdateMatchingAsync(coordinator, created.Id, matching, ct));
        await MoveAsync(sp, coordinator, created.Id, ProgrammeStatus.Enrolling, ct);
        return created.Id;
    }

    private static async Task EnrolAsync(IServiceProvider sp, Guid programme, IEnumerable<Guid> mentees, IEnumerable<Guid> mentors, CancellationToken ct)
    {
        var enrolment = sp.GetRequiredService<EnrolmentHandlers>();
        foreach (var (members, role) in new[] { (mentees, ProgrammeRole.Mentee), (mentors, ProgrammeRole.Mentor) })
            foreach (var member in members)
                Ok(await enrolment.EnrolAsync(member, programme, new EnrolRequest(role, [], null), ct));
    }

    private static async Task MoveAsync(IServiceProvider sp, Guid coordinator, Guid programme, ProgrammeStatus to, CancellationToken ct)
    {
        var handlers = sp.GetRequiredService<ProgrammeHandlers>();
        var view = Ok(await handlers.GetAsync(coordinator, programme, ct));
        Ok(await handlers.MoveAsync(coordinator, programme, new MoveRequest(to, view.Version), ct));
    }

    private static T Ok<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo programmes: {result.Error.Detail}");
}
