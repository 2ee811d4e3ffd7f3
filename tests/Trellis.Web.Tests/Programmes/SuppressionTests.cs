using Trellis.Web.Features.Programmes.Reports;

namespace Trellis.Web.Tests.Programmes;

/// <summary>The fewer-than-5 rule and secondary suppression on fixed tables (ADR 0030).</summary>
public sealed class SuppressionTests
{
    private static string[] Lines(int[,] counts, bool rowTotals = true, bool columnTotals = true)
    {
        var rows = Enumerable.Range(0, counts.GetLength(0)).Select(r => $"r{r}").ToArray();
        var columns = Enumerable.Range(0, counts.GetLength(1)).Select(c => $"c{c}").ToArray();
        var report = new CountTable(rows, columns, counts)
        {
            TotalRow = columnTotals ? "total" : null,
            TotalColumn = rowTotals ? "all" : null,
        }.ToReport("t", "T", "", ChartKind.Bar);
        return [.. report.Rows.Select(r => $"{r.Label}: " + string.Join(" | ", r.Cells.Select(c => c.Text)))];
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "fewer than 5")]
    [InlineData(4, "fewer than 5")]
    [InlineData(5, "5")]
    [InlineData(123, "123")]
    public void ACount_OfOneToFourPeople_ReadsFewerThanFive_AndHasNoValue(int people, string text)
    {
        var cell = ReportCell.Count(people);
        Assert.Equal(text, cell.Text);
        Assert.Equal(cell.Suppressed ? null : people, cell.Value);
        Assert.Equal(people is > 0 and < 5, cell.Suppressed);
    }

    [Fact]
    public void Rates_AndMedians_OverFewerThanFive_AreSuppressed()
    {
        Assert.Equal(ReportCell.FewerThanFive, ReportCell.Rate(4, 4).Text);
        Assert.Equal(ReportCell.FewerThanFive, ReportCell.Rate(2, 20).Text);
        Assert.Equal("25%", ReportCell.Rate(5, 20).Text);
        Assert.Equal(0.25, ReportCell.Rate(5, 20).Value);
        Assert.Equal("–", ReportCell.Rate(0, 0).Text);
        Assert.Equal(ReportCell.FewerThanFive, ReportCell.Median([1, 2, 3, 4]).Text);
        Assert.Equal("3", ReportCell.Median([5, 1, 3, 2, 4]).Text);
        Assert.Equal("2.5", ReportCell.Median([1, 2, 3, 4, 9, 0]).Text);
        Assert.Null(ReportCell.Median([1, 2, 3, 4]).Value);
        Assert.Equal(ReportCell.FewerThanFive, ReportCell.Mean(16, 4).Text);
        Assert.Equal("3.2", ReportCell.Mean(16, 5).Text);
    }

    [Fact]
    public void OneSuppressedPart_WithAShownTotal_WithholdsTheNextSmallestPart()
    {
        // total − 7 − 10 would give the 3 away.
        Assert.Equal(["r0: fewer than 5", "r1: not shown", "r2: 10", "total: 20"], Lines(new[,] { { 3 }, { 7 }, { 10 } }, rowTotals: false));
    }

    [Fact]
    public void SuppressedParts_ThatAddUpToFewerThanFive_WithholdAnotherPart()
    {
        Assert.Equal(["r0: fewer than 5", "r1: fewer than 5", "r2: not shown", "r3: 12", "total: 25"],
            Lines(new[,] { { 2 }, { 2 }, { 9 }, { 12 } }, rowTotals: false));
    }

    [Fact]
    public void TwoSuppressedParts_ThatAddUpToFiveOrMore_AreEnough()
    {
        Assert.Equal(["r0: fewer than 5", "r1: fewer than 5", "r2: 12", "total: 19"],
            Lines(new[,] { { 3 }, { 4 }, { 12 } }, rowTotals: false));
    }

    [Fact]
    public void WhenNoOtherPartIsLeft_TheTotalIsWithheld()
    {
        // Column c0: 12, 4, 6 → the 6 is withheld; its row (6 + 0) would then give it back through its total.
        Assert.Equal(["r0: 12 | 5 | 17", "r1: fewer than 5 | 0 | fewer than 5", "r2: not shown | 0 | not shown", "total: 22 | 5 | 27"],
            Lines(new[,] { { 12, 5 }, { 4, 0 }, { 6, 0 } }));
    }

    [Fact]
    public void ZeroesAreShown_AndATableWithoutSmallFiguresIsUntouched()
    {
        Assert.Equal(["r0: 0 | 5 | 5", "r1: 6 | 0 | 6", "total: 6 | 5 | 11"], Lines(new[,] { { 0, 5 }, { 6, 0 } }));
    }

    [Fact]
    public void ATotalOfFewerThanFive_IsSuppressedToo()
    {
        Assert.Equal(["r0: fewer than 5", "r1: 0", "total: fewer than 5"], Lines(new[,] { { 3 }, { 0 } }, rowTotals: false));
    }
}
