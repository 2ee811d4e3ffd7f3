using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Trellis.Web.Infrastructure.Validation;

/// <summary>
/// A page's form post holding a NUL character is refused (400, the error page) before its handler
/// runs, so nothing is written and the answer is the same on both databases: PostgreSQL cannot store U+0000 and would
/// fail in the middle of the handler, SQLite would keep it. No one types a NUL; only a crafted request sends one. The
/// API refuses it while reading the body, naming the field (<see cref="NoNullEntries"/>). In an address (query, route)
/// it is left to the handler, which usually never stores it (a return address is checked, a search is embedded); if it
/// does reach PostgreSQL, the error page answers 400 (<see cref="Http.ProblemDocuments.StatusFor"/>).
/// </summary>
public sealed class RefuseNulOnPages : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // The error page re-runs the same post to answer it; it must not be refused a second time (an empty 400).
        var reExecuted = context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (!reExecuted && HoldsNul(context.HttpContext.Request))
        {
            context.Result = new BadRequestResult();
            return;
        }
        await next();
    }

    private static bool HoldsNul(HttpRequest request) =>
        request.HasFormContentType && request.Form.Any(f => HasNul(f.Key) || f.Value.Any(HasNul));

    private static bool HasNul(string? text) => text?.Contains('\0', StringComparison.Ordinal) == true;
}
