namespace Trellis.Web.Features.Programmes.Reports;

/// <summary>
/// One report as a table: what the page shows (and charts), what the JSON carries and what the CSV writes.
/// <paramref name="Series"/> are the columns a chart draws; total rows are never drawn.
/// </summary>
public sealed record Report(string Key, string Title, string Description, ChartKind Chart, IReadOnlyList<string> Columns,
    IReadOnlyList<int> Series, IReadOnlyList<ReportRow> Rows, string? Note = null);

public sealed record ReportRow(string Label, IReadOnlyList<ReportCell> Cells, bool IsTotal = false);

public enum ChartKind
{
    Bar,
    StackedBar,
    Line,
}

/// <summary>All the reports of one programme, as of <paramref name="At"/>.</summary>
public sealed record ProgrammeReportsView(Guid ProgrammeId, string Name, string Slug, DateTimeOffset At,
    IReadOnlyList<Report> Reports);

/// <summary>
/// A table of counts built with its totals and suppressed as a whole (<see cref="Suppression"/>), so a figure hidden in
/// one place cannot be worked out from its row or its column.
/// </summary>
public sealed class CountTable(IReadOnlyList<string> rows, IReadOnlyList<string> columns, int[,] counts)
{
    public string? TotalRow { get; init; }
    public string? TotalColumn { get; init; }

    /// <summary>Adds a column of each row's share of the column's total (of the first column).</summary>
    public string? ShareColumn { get; init; }

    public Report ToReport(string key, string title, string description, ChartKind chart, string? note = null)
    {
        var shown = Suppression.Apply(counts, rowTotals: TotalColumn is not null, columnTotals: TotalRow is not null);
        int r0 = rows.Count, c0 = columns.Count;
        int At(int r, int c) => r < r0 && c < c0 ? counts[r, c]
            : r < r0 ? Enumerable.Range(0, c0).Sum(x => counts[r, x])
            : c < c0 ? Enumerable.Range(0, r0).Sum(x => counts[x, c])
            : Enumerable.Range(0, r0).Sum(x => At(x, c0));
        ReportCell Cell(int r, int c) => shown[r, c] switch
        {
            Shown.Yes => ReportCell.Count(At(r, c)),
            Shown.FewerThanFive => ReportCell.Small,
            _ => ReportCell.Withheld,
        };
        ReportRow Row(int r, string label)
        {
            var cells = new List<ReportCell>();
            for (var c = 0; c < c0; c++) cells.Add(Cell(r, c));
            if (TotalColumn is not null) cells.Add(Cell(r, c0));
            if (ShareColumn is not null)
                cells.Add(ReportCell.Rate(At(r, 0), At(r0, 0), shown[r, 0] != Shown.Yes || shown[r0, 0] != Shown.Yes));
            return new ReportRow(label, cells, IsTotal: r == r0);
        }

        var list = rows.Select((label, r) => Row(r, label)).ToList();
        if (TotalRow is not null) list.Add(Row(r0, TotalRow));
        var headers = columns.ToList();
        if (TotalColumn is not null) headers.Add(TotalColumn);
        if (ShareColumn is not null) headers.Add(ShareColumn);
        return new Report(key, title, description, chart, headers, [.. Enumerable.Range(0, c0)], list, note);
    }
}
