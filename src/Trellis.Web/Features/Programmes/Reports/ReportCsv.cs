using System.Text;
using nietras.SeparatedValues;
using Trellis.Web.Features.Programmes.Enrolment;

namespace Trellis.Web.Features.Programmes.Reports;

/// <summary>A report's table as CSV: exactly the texts the page shows, so a suppressed figure reads "fewer than 5" here too.</summary>
public static class ReportCsv
{
    public static byte[] Write(Report report)
    {
        var text = new StringWriter();
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text))
        {
            foreach (var row in report.Rows)
            {
                using var line = writer.NewRow();
                line[""].Set(ParticipantExport.Cell(row.Label));
                for (var c = 0; c < report.Columns.Count; c++)
                    line[report.Columns[c]].Set(ParticipantExport.Cell(row.Cells[c].Text));
            }
        }
        return [.. new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
