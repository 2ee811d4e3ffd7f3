using Trellis.Matching.Embeddings;

namespace Trellis.Web.Features.FindMentor;

/// <summary>Keeps embeddings and this node's mentor index current, every two seconds.</summary>
public sealed class MatchingWorker(EmbeddingRefresher refresher, MentorDirectory directory, SentenceEmbedder embedder, TimeProvider time, ILogger<MatchingWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        embedder.WarmUp();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2), time);
        do
        {
            try
            {
                // Index first: after a restart mentors are searchable at once, and their text
                // similarity joins in as soon as the (slower) embeddings are ready.
                if (!directory.IsLoaded) await directory.SyncAsync(stoppingToken);
                await refresher.RunAsync(stoppingToken);
                await directory.SyncAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Matching refresh failed; will retry");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
