using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Reports;

public static class ReportsApi
{
    /// <summary>Under /programmes/{id}, whose group requires a member; <see cref="ProgrammeAccess"/> answers 404 to
    /// anyone who does not coordinate the programme.</summary>
    public static void MapReports(this RouteGroupBuilder one)
    {
        one.MapGet("/reports", All).WithName("GetProgrammeReports")
            .WithSummary("Every report of a programme I coordinate, as counts: a figure about 1-4 people reads \"fewer than 5\" " +
                "and carries no value. 404 for anyone else.");
        one.MapGet("/reports/{report}.csv", Csv).WithName("ExportProgrammeReport")
            .WithSummary("One report's table as CSV (the keys are the reports' \"key\"), the same texts as the page. 404 for anyone else.");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Csv(Guid id, string report, HttpContext http,
        ProgrammeReports reports, CancellationToken ct)
    {
        var result = await reports.OneAsync(http.User.MemberId(), id, report, ct);
        return result.IsSuccess
            ? TypedResults.File(ReportCsv.Write(result.Value!), "text/csv; charset=utf-8", $"{result.Value!.Key}.csv")
            : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<ProgrammeReportsView>, ProblemHttpResult>> All(Guid id, HttpContext http,
        ProgrammeReports reports, CancellationToken ct)
    {
        var result = await reports.AllAsync(http.User.MemberId(), id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
