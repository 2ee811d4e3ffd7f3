using Trellis.Web.Infrastructure.Validation;

namespace Trellis.Web.Infrastructure.Http;

/// <summary>
/// How the API answers anything that is not a success — the caller's mistakes (a body that does not parse, a
/// request record its annotations refuse), a lost race, an unexpected failure — set up in one place. The tests
/// host exactly this around their own probe endpoints.
/// </summary>
public static class ApiEdge
{
    public static IServiceCollection AddApiEdge(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDocuments.NameTheField);
        // Malformed JSON reaches the exception handler, which names the offending field (see ProblemDocuments).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Request records carry their rules as annotations (Infrastructure/Validation); pages check them too.
        services.AddValidation();
        services.AddScoped<RequestRules>();
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>,
            PagesCheckRequestsOnce>();
        return services;
    }

    /// <summary>For requests under <c>/api</c>: every exception becomes a problem document.</summary>
    public static IApplicationBuilder UseApiExceptionProblems(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler(
            new ExceptionHandlerOptions
            {
                StatusCodeSelector = ProblemDocuments.StatusFor,
                SuppressDiagnosticsCallback = ctx => ProblemDocuments.IsExpected(ctx.Exception),
            }));
}
