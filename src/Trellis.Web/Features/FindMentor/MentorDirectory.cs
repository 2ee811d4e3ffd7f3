using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trellis.Matching.Scoring;
using Trellis.Matching.Search;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.FindMentor;

/// <summary>
/// This node's in-memory index of every mentor who can be recommended. Each node keeps its own
/// copy current by reading what changed in the database since its last look (every few seconds),
/// so a profile saved on one node is found on all of them shortly after.
/// </summary>
public sealed class MentorDirectory(IServiceScopeFactory scopes, IOptions<MatchingOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Reconcile = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _sync = new(1, 1);
    private readonly HashSet<Guid> _ids = [];
    private DateTimeOffset _watermark = DateTimeOffset.MinValue;
    private DateTimeOffset _reconciledAt = DateTimeOffset.MinValue;

    public MentorIndex Index { get; } = new(options.Value);

    public bool IsLoaded => _watermark > DateTimeOffset.MinValue;

    /// <summary>Reads mentors changed since the last sync (all of them the first time) into the index.</summary>
    public async Task SyncAsync(CancellationToken ct)
    {
        await _sync.WaitAsync(ct);
        try
        {
            var started = time.GetUtcNow();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
            var since = _watermark;
            var changed = await db.Profiles.Where(p => p.UpdatedAt > since).Select(p => p.MemberId)
                .Union(db.ProfileEmbeddings.Where(e => e.Role == EmbeddingRole.Mentor && e.ComputedAt > since).Select(e => e.MemberId))
                // Accepting or ending a mentorship changes the mentor's free places.
                .Union(db.Mentorships.Where(m => m.UpdatedAt > since).Select(m => m.MentorId))
                .ToListAsync(ct);
            foreach (var batch in changed.Chunk(500))
                await ApplyAsync(db, batch, ct);

            if (started - _reconciledAt > Reconcile)
            {
                // Deleted accounts leave no changed row behind; drop whoever is no longer eligible.
                var eligible = (await Eligible(db).Select(p => p.MemberId).ToListAsync(ct)).ToHashSet();
                foreach (var gone in _ids.Where(id => !eligible.Contains(id)).ToList())
                {
                    Index.Remove(gone);
                    _ids.Remove(gone);
                }
                _reconciledAt = started;
            }
            _watermark = started - Overlap; // rows committed while we read are picked up next time
        }
        finally
        {
            _sync.Release();
        }
    }

    private async Task ApplyAsync(TrellisDbContext db, Guid[] ids, CancellationToken ct)
    {
        var mentors = await ProfilesAsync(db, Eligible(db).Where(p => ids.Contains(p.MemberId)), ct);
        var present = mentors.Select(m => m.Id).ToHashSet();
        Index.AddOrUpdate(mentors);
        foreach (var id in present) _ids.Add(id);
        foreach (var id in ids.Where(id => !present.Contains(id)))
            if (_ids.Remove(id)) Index.Remove(id);
    }

    /// <summary>The given mentors as the matching library sees them, each with their stored embedding.</summary>
    internal static async Task<List<MentorProfile>> ProfilesAsync(TrellisDbContext db, IQueryable<Profile> mentors, CancellationToken ct)
    {
        var rows = await mentors
            .Select(p => new
            {
                Profile = p,
                Vector = db.ProfileEmbeddings.Where(e => e.MemberId == p.MemberId && e.Role == EmbeddingRole.Mentor && e.Model == EmbeddingRefresher.Model)
                    .Select(e => e.Vector).FirstOrDefault(),
            })
            .AsNoTracking()
            .ToListAsync(ct);
        return rows.Select(r => MatchingProfiles.Mentor(r.Profile, r.Vector is null ? null : new ProfileEmbedding { Vector = r.Vector }.Floats())).ToList();
    }

    private static IQueryable<Profile> Eligible(TrellisDbContext db) => db.Profiles.WhereDiscoverableMentor(db);
}
