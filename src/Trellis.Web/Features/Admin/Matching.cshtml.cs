using Microsoft.AspNetCore.Authorization;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Admin;

/// <summary>What the matching worker still has to do: profiles whose text waits to be embedded.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class MatchingModel(EmbeddingBacklog backlog, TrellisDbContext db, TimeProvider time) : TrellisPageModel
{
    public EmbeddingBacklogCounts Waiting { get; private set; } = new(0, 0, null);
    public DateTimeOffset Now { get; private set; }
    public static string Model => EmbeddingRefresher.Model;
    public static TimeSpan TooLong => EmbeddingBacklogCheck.TooLong;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Waiting = await backlog.CountAsync(db, ct);
        Now = time.GetUtcNow();
    }

    /// <summary>"3 minutes", "2 hours": how long the oldest profile has waited, in words.</summary>
    public static string Describe(TimeSpan wait) =>
        wait.TotalMinutes < 1 ? "less than a minute"
        : wait.TotalHours < 1 ? Plural((int)wait.TotalMinutes, "minute")
        : wait.TotalDays < 1 ? Plural((int)wait.TotalHours, "hour")
        : Plural((int)wait.TotalDays, "day");

    private static string Plural(int n, string unit) => $"{n} {unit}{(n == 1 ? "" : "s")}";
}
