using System.Text.Json;
using Trellis.Web.Features.Programmes.Reports;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>The programme's reports, each a chart and its table (the accessible alternative, and what its CSV holds).</summary>
public sealed class ReportsModel(ProgrammeAccess access, ProgrammeReports reports) : CoordinatorPage(access)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ProgrammeReportsView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => View = (await reports.AllAsync(Me, Programme.Id, ct)).Value!;

    /// <summary>What report-charts.js draws: the rows that are not totals, a series per charted column; a suppressed
    /// figure is a gap (null), never a value.</summary>
    public static string ChartData(Report report) => JsonSerializer.Serialize(new
    {
        kind = report.Chart.ToString(),
        labels = report.Rows.Where(r => !r.IsTotal && r.Cells.Count == report.Columns.Count).Select(r => r.Label),
        series = report.Series.Select(c => new
        {
            label = report.Columns[c],
            data = report.Rows.Where(r => !r.IsTotal && r.Cells.Count == report.Columns.Count).Select(r => r.Cells[c].Value),
        }),
    }, Json);
}
