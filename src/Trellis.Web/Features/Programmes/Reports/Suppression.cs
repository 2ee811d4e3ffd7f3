namespace Trellis.Web.Features.Programmes.Reports;

public enum Shown
{
    Yes,
    /// <summary>About 1–4 people: reads "fewer than 5".</summary>
    FewerThanFive,
    /// <summary>About 5 or more, hidden so that a total minus the shown figures cannot reveal a suppressed one.</summary>
    Withheld,
}

/// <summary>
/// Primary and secondary suppression of a table of counts with its totals. The grid is extended by a totals column
/// and a totals row; every line (a row with its total, a column with its total) is made safe: when its total is shown,
/// the hidden figures of the line must be none, or at least two that add up to 5 or more. Otherwise the smallest shown
/// non-zero figure of the line is withheld too (the total itself when there is none left), until nothing changes.
/// </summary>
public static class Suppression
{
    /// <summary><paramref name="counts"/> is rows × columns; the answer is (rows + 1) × (columns + 1), the last row and
    /// column being the totals. A line whose total is not shown (<paramref name="rowTotals"/> false) leaks nothing.</summary>
    public static Shown[,] Apply(int[,] counts, bool rowTotals = true, bool columnTotals = true)
    {
        var grid = Extend(counts);
        int rows = grid.GetLength(0), columns = grid.GetLength(1);
        var shown = new Shown[rows, columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                shown[r, c] = ReportCell.IsSmall(grid[r, c]) ? Shown.FewerThanFive : Shown.Yes;

        var lines = new List<(int R, int C)[]>();
        if (rowTotals)
            for (var r = 0; r < rows && (r < rows - 1 || columnTotals); r++)
                lines.Add([.. Enumerable.Range(0, columns).Select(c => (r, c))]);
        if (columnTotals)
            for (var c = 0; c < columns && (c < columns - 1 || rowTotals); c++)
                lines.Add([.. Enumerable.Range(0, rows).Select(r => (r, c))]);

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var line in lines)
                while (Protect(line, grid, shown)) changed = true;
        }
        return shown;
    }

    /// <summary>Hides one more figure of the line if it leaks; true if it did. The line's last cell is its total.</summary>
    private static bool Protect((int R, int C)[] line, int[,] grid, Shown[,] shown)
    {
        var total = line[^1];
        if (shown[total.R, total.C] != Shown.Yes) return false;
        var parts = line[..^1];
        var hidden = parts.Where(p => shown[p.R, p.C] != Shown.Yes).ToArray();
        var hiddenSum = hidden.Sum(p => grid[p.R, p.C]);
        if (hidden.Length == 0 || (hidden.Length > 1 && hiddenSum >= ReportCell.Threshold)) return false;
        var next = parts.Where(p => shown[p.R, p.C] == Shown.Yes && grid[p.R, p.C] > 0)
            .OrderBy(p => grid[p.R, p.C]).Select(p => ((int R, int C)?)p).FirstOrDefault() ?? total;
        shown[next.R, next.C] = Shown.Withheld;
        return true;
    }

    private static int[,] Extend(int[,] counts)
    {
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var grid = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                grid[r, c] = counts[r, c];
                grid[r, columns] += counts[r, c];
                grid[rows, c] += counts[r, c];
                grid[rows, columns] += counts[r, c];
            }
        return grid;
    }
}
