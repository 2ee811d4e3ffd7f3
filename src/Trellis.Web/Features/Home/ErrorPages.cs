using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Home;

/// <summary>
/// Error answers for people get a page in the layout; everything a program reads (the API, the
/// calendar feed, the live-update hub, OpenAPI) keeps its problem document.
/// </summary>
public static class ErrorPages
{
    private static readonly string[] ForPrograms = ["/api", "/hubs", "/calendar", "/openapi", "/scalar", "/metrics"];

    public static bool IsForPeople(HttpContext context) =>
        !ForPrograms.Any(prefix => context.Request.Path.StartsWithSegments(prefix));

    public static WebApplication UseErrorPages(this WebApplication app)
    {
        // A lost race or text the database cannot hold is the same answer for a page as for the API (409, 400),
        // through the one classification in ProblemDocuments; anything else stays a 500.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            StatusCodeSelector = ProblemDocuments.StatusFor,
            SuppressDiagnosticsCallback = ctx => ProblemDocuments.IsExpected(ctx.Exception),
        }));
        // Outer: problem documents for programs. Inner (people only): re-run the request as /Error/{code};
        // it answers first, so the outer one sees a body and leaves it alone.
        app.UseStatusCodePages();
        app.UseWhen(IsForPeople, pages => pages.UseStatusCodePagesWithReExecute("/Error/{0}"));
        return app;
    }
}
