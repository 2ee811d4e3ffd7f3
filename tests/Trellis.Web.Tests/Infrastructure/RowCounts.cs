using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Tests.Infrastructure;

/// <summary>"Nothing was written": the row count of every table of the model, one line per table, to compare
/// before and after a batch of requests that should all have been refused.</summary>
public static class RowCounts
{
    public static async Task<string> OfEveryTableAsync(TrellisDbContext db)
    {
        var lines = new List<string>();
        foreach (var table in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && t.GetViewName() is null && !t.IsOwned())
                     .Select(t => (t.GetSchema(), t.GetTableName()!)).Distinct().OrderBy(t => t.Item2, StringComparer.Ordinal))
        {
            var name = table.Item1 is null ? $"\"{table.Item2}\"" : $"\"{table.Item1}\".\"{table.Item2}\"";
#pragma warning disable EF1002 // table names come from the model, not from input
            var count = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM {name}").SingleAsync();
#pragma warning restore EF1002
            lines.Add($"{table.Item2}={count}");
        }
        return string.Join("\n", lines);
    }

    public static Task<string> OfEveryTableAsync(this TrellisApp app) => app.WithDbAsync(OfEveryTableAsync);
}
