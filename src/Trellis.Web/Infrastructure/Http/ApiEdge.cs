using System.Text.Json.Serialization.Metadata;
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
        // A null entry in a list of the body is refused while reading, like any other value of the wrong shape.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolver =
            (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(NoNullEntries.Modify));
        services.AddScoped<RequestRules>();
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>,
            PagesCheckRequestsOnce>();
        return services;
    }

    /// <summary>For requests under <c>/api</c>: every exception becomes a problem document, and a JSON body in
    /// another charset than UTF-8 is refused before anything reads it.</summary>
    public static IApplicationBuilder UseApiExceptionProblems(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler(
            new ExceptionHandlerOptions
            {
                StatusCodeSelector = ProblemDocuments.StatusFor,
                SuppressDiagnosticsCallback = ctx => ProblemDocuments.IsExpected(ctx.Exception),
            }).Use(async (context, next) =>
            {
                if (DeclaresAnotherCharset(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails =
                        {
                            Status = StatusCodes.Status415UnsupportedMediaType,
                            Title = "JSON is sent as UTF-8.",
                            Detail = "Send Content-Type: application/json (or application/json; charset=utf-8).",
                        },
                    });
                    return;
                }
                await next();
            }));

    /// <summary>JSON is UTF-8 (RFC 8259). ASP.NET would try to decode any other declared charset and fail with an
    /// exception of its own (a 500) for one it does not know, so the API takes UTF-8 only.</summary>
    private static bool DeclaresAnotherCharset(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        && type.Parameters.Any(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase))
        && !type.Charset.ToString().Trim('"').Replace("-", "", StringComparison.Ordinal).Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
