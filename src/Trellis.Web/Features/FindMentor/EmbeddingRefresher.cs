using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Trellis.Matching.Embeddings;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.FindMentor;

/// <summary>
/// Computes embeddings for profiles whose text changed (or that were made by another model), in the
/// background and in batches, never inside a member's request. Safe on several nodes: the worst case
/// is two nodes computing the same vector.
/// </summary>
public sealed class EmbeddingRefresher(IServiceScopeFactory scopes, IEmbeddingGenerator<string, Embedding<float>> embedder,
    EmbeddingBacklog backlog, TimeProvider time)
{
    /// <summary>Model and text recipe: a change to either makes every stored vector stale.</summary>
    public static readonly string Model = $"{SentenceEmbedder.ModelId} / text v{ProfileText.Version}";
    private const int Batch = 64;

    /// <summary>Brings every stale embedding up to date; returns how many vectors were computed.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var computed = 0;
        EmbeddingBacklogCounts waiting;
        await using (var scope = scopes.CreateAsyncScope())
            waiting = await backlog.CountIfWaitingAsync(scope.ServiceProvider.GetRequiredService<TrellisDbContext>(), ct);
        foreach (var role in new[] { EmbeddingRole.Mentor, EmbeddingRole.Mentee })
        {
            while (true)
            {
                var (seen, n) = await RefreshBatchAsync(role, ct);
                if (seen == 0) break;
                computed += n;
                // Count down as batches finish, so the gauge moves during a long backlog without a query per batch.
                waiting = role == EmbeddingRole.Mentor
                    ? waiting with { Mentors = Math.Max(0, waiting.Mentors - seen) }
                    : waiting with { Mentees = Math.Max(0, waiting.Mentees - seen) };
                backlog.Record(waiting);
            }
        }
        if (waiting.Total == 0) backlog.Record(waiting with { OldestWaitingSince = null });
        return computed;
    }

    /// <returns>Stale profiles handled (0 when none was left) and vectors computed for them.</returns>
    private async Task<(int Seen, int Computed)> RefreshBatchAsync(EmbeddingRole role, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var mentor = role == EmbeddingRole.Mentor;
        var stale = await EmbeddingBacklog.Waiting(db, role)
            .OrderBy(p => p.MemberId)
            .Take(Batch)
            .ToListAsync(ct);
        if (stale.Count == 0) return (0, 0);

        var ids = stale.Select(p => p.MemberId).ToList();
        var existing = await db.ProfileEmbeddings.Where(e => ids.Contains(e.MemberId) && e.Role == role).ToDictionaryAsync(e => e.MemberId, ct);
        var now = time.GetUtcNow();
        var toEmbed = new List<(Guid Id, IReadOnlyList<string> Texts, string Hash)>();
        foreach (var profile in stale)
        {
            IReadOnlyList<string> texts = mentor ? MatchingProfiles.MentorTexts(profile) : [MatchingProfiles.MenteeText(profile)];
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', texts))));
            if (existing.TryGetValue(profile.MemberId, out var row) && row.TextHash == hash && row.Model == Model)
                row.ComputedAt = now; // the words did not change: keep the vector
            else
                toEmbed.Add((profile.MemberId, texts, hash));
        }

        var vectors = mentor
            ? await embedder.GenerateMentorVectorsAsync([.. toEmbed.Select(t => t.Texts)], ct)
            : await embedder.GenerateVectorsAsync([.. toEmbed.Select(t => t.Texts[0])], ct);
        for (var i = 0; i < toEmbed.Count; i++)
        {
            var (id, _, hash) = toEmbed[i];
            if (!existing.TryGetValue(id, out var row))
                db.ProfileEmbeddings.Add(row = new ProfileEmbedding { MemberId = id, Role = role });
            row.Model = Model;
            row.TextHash = hash;
            row.Vector = ProfileEmbedding.Bytes(vectors[i]);
            row.ComputedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node stored the same embedding first; its row is as good as ours.
        }
        return (stale.Count, toEmbed.Count);
    }
}
