using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Trellis.Matching.Embeddings;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Features.Programmes;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Demo;

/// <summary>What <see cref="ScaleProgramme.SeedAsync"/> wrote.</summary>
public sealed record ScaleProgrammeResult(Guid ProgrammeId, string CoordinatorEmail, int Mentees, int Mentors);

/// <summary>
/// <c>seed-programme</c>: a bulk programme as large as asked (issue 12 item 8: 100,000 mentees and 20,000 mentors),
/// in the matching state, for timing the bulk run, the board and the import. Members come from
/// <see cref="DemoCommunity"/> (first the seekers as mentees, then mentors who are not seeking), every mentor with 5
/// places; their accounts have no password. The stored embeddings are <see cref="HashingEmbedder"/>'s vectors of each
/// profile's own texts, stored under the sentence model's name so the run's refresher takes them as current: the
/// model itself would need about 6 ms of CPU a text, and timing it is not what this is for. Rows are written in
/// batches straight into the tables; the programme itself goes through the programme handlers.
/// </summary>
public static class ScaleProgramme
{
    public const int MentorPlaces = 5;
    private const int Batch = 2_000;

    public static string CoordinatorEmail(string slug) => $"coordinator@{slug}.scale.trellis.test";

    public static async Task<ScaleProgrammeResult> SeedAsync(IServiceProvider services, string slug, int mentees, int mentors, int seed,
        TextWriter progress, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<TrellisDbContext>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        if (await db.Programmes.AnyAsync(p => p.Slug == slug, ct))
            throw new InvalidOperationException($"A programme at /Programmes/{slug} exists already; choose another --slug.");

        var coordinatorEmail = CoordinatorEmail(slug);
        var coordinator = DemoSeeder.NewMember(coordinatorEmail, "Sam Scale",
            sp.GetRequiredService<IPasswordHasher<Member>>().HashPassword(new Member(), DemoSeeder.Password), now);
        db.Users.Add(coordinator);
        db.Profiles.Add(new Profile(coordinator.Id, now));
        await db.SaveChangesAsync(ct);
        var programmeId = await ProgrammeAsync(sp, coordinator.Id, coordinatorEmail, slug, now, ct);

        // Seekers are about 65 % of the community and mentors who are not seeking about 35 %.
        var people = DemoCommunity.Generate(Math.Max(mentees * 100 / 60, mentors * 100 / 30) + 100, seed, now.Year);
        var chosen = people.Where(p => p.Profile.SeekingMentor).Take(mentees).Select(p => (p, ProgrammeRole.Mentee))
            .Concat(people.Where(p => p.Profile.OpenToMentoring && !p.Profile.SeekingMentor).Take(mentors).Select(p => (p, ProgrammeRole.Mentor)))
            .ToList();
        if (chosen.Count < mentees + mentors) throw new InvalidOperationException("The generated community is too small; this is a bug.");

        // One batch is built (members, profiles, participants, vectors: CPU only, rows in parallel) while the one before is
        // written, each batch in a save of its own with the change tracker emptied after it.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var batches = chosen.Chunk(Batch).ToArray();
        var written = 0;
        Task<Rows> Build(int index) => Task.Run(() => BuildAsync(batches[index], index * Batch, slug, programmeId, now, ct), ct);
        var next = Build(0);
        for (var b = 0; b < batches.Length; b++)
        {
            var rows = await next;
            if (b + 1 < batches.Length) next = Build(b + 1);
            db.Users.AddRange(rows.Members);
            db.Profiles.AddRange(rows.Profiles);
            db.Participants.AddRange(rows.Participants);
            db.ProfileEmbeddings.AddRange(rows.Embeddings);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            written += rows.Members.Length;
            if (written % 20_000 < Batch) await progress.WriteLineAsync($"  {written} of {chosen.Count} participants written…");
        }
        return new ScaleProgrammeResult(programmeId, coordinatorEmail, mentees, mentors);
    }

    private sealed record Rows(Member[] Members, Profile[] Profiles, Participant[] Participants, List<ProfileEmbedding> Embeddings);

    private static async Task<Rows> BuildAsync((DemoPerson Person, ProgrammeRole Role)[] batch, int offset, string slug, Guid programmeId,
        DateTimeOffset now, CancellationToken ct)
    {
        var (members, profiles, participants) = (new Member[batch.Length], new Profile[batch.Length], new Participant[batch.Length]);
        Parallel.For(0, batch.Length, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var (person, role) = batch[i];
            var member = DemoSeeder.NewMember($"p{offset + i + 1}@{slug}.scale.trellis.test", person.Profile.DisplayName, "", now);
            member.PasswordHash = null;
            var input = person.Profile;
            input.SeekingMentor = role == ProgrammeRole.Mentee;
            input.OpenToMentoring = role == ProgrammeRole.Mentor;
            if (role == ProgrammeRole.Mentor) input.MentorCapacity = MentorPlaces;
            var profile = new Profile(member.Id, now);
            profile.Update(input, now);
            var participant = new Participant(programmeId, member.Id, role, ParticipantSource.Import, now);
            participant.Fill([], MentorPlaces, complete: true, now);
            (members[i], profiles[i], participants[i]) = (member, profile, participant);
        });
        var embeddings = await EmbeddingsAsync([.. profiles.Select((p, i) => (p, batch[i].Role))], now, ct);
        return new Rows(members, profiles, participants, embeddings);
    }

    /// <summary>Each profile's vector of its own texts, stored as the refresher would store the model's (same hash).</summary>
    private static async Task<List<ProfileEmbedding>> EmbeddingsAsync(List<(Profile Profile, ProgrammeRole Role)> rows, DateTimeOffset now,
        CancellationToken ct)
    {
        var result = new List<ProfileEmbedding>(rows.Count);
        foreach (var role in new[] { ProgrammeRole.Mentee, ProgrammeRole.Mentor })
        {
            var side = rows.Where(r => r.Role == role).Select(r => r.Profile).ToList();
            var texts = side.Select(p => role == ProgrammeRole.Mentor ? MatchingProfiles.MentorTexts(p) : [MatchingProfiles.MenteeText(p)]).ToList();
            var vectors = role == ProgrammeRole.Mentor
                ? await HashingEmbedder.Instance.GenerateMentorVectorsAsync(texts, ct)
                : await HashingEmbedder.Instance.GenerateVectorsAsync([.. texts.Select(t => t[0])], ct);
            for (var i = 0; i < side.Count; i++)
                result.Add(new ProfileEmbedding
                {
                    MemberId = side[i].MemberId,
                    Role = role == ProgrammeRole.Mentor ? EmbeddingRole.Mentor : EmbeddingRole.Mentee,
                    Model = EmbeddingRefresher.Model,
                    TextHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', texts[i])))),
                    Vector = ProfileEmbedding.Bytes(vectors[i]),
                    ComputedAt = now,
                });
        }
        return result;
    }

    /// <summary>A cohort created as a site administrator would, owned by the coordinator, in bulk mode, moved to matching.</summary>
    private static async Task<Guid> ProgrammeAsync(IServiceProvider sp, Guid coordinator, string email, string slug, DateTimeOffset now,
        CancellationToken ct)
    {
        var handlers = sp.GetRequiredService<ProgrammeHandlers>();
        var db = sp.GetRequiredService<TrellisDbContext>();
        var created = Ok(await handlers.CreateAsync(new CreateProgrammeInput
        {
            Slug = slug, Name = $"Scale cohort {slug}", Kind = ProgrammeKind.Cohort, OwnerEmail = email,
        }, ct));
        var details = ProgrammeDetailsInput.From(await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == created.Id, ct));
        details.EnrolmentClosesOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(30);
        Ok(await handlers.UpdateDetailsAsync(coordinator, created.Id, details, ct));
        var matching = MatchingSettingsInput.From(await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == created.Id, ct));
        matching.Mode = MatchingMode.Bulk;
        matching.BulkMethod = BulkMethod.Optimal;
        Ok(await handlers.UpdateMatchingAsync(coordinator, created.Id, matching, ct));
        foreach (var to in new[] { ProgrammeStatus.Enrolling, ProgrammeStatus.Matching })
        {
            var view = Ok(await handlers.GetAsync(coordinator, created.Id, ct));
            Ok(await handlers.MoveAsync(coordinator, created.Id, new MoveRequest(to, view.Version), ct));
        }
        return created.Id;
    }

    private static T Ok<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Scale programme: {result.Error.Detail}");
}
