using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Infrastructure.Observability;

public static class ObservabilitySetup
{
    public const string ServiceName = "trellis";

    /// <summary>Trellis's own instruments (for example <c>trellis.embeddings.waiting</c>).</summary>
    public const string MeterName = "Trellis";

    public static WebApplicationBuilder AddTrellisObservability(this WebApplicationBuilder builder)
    {
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<TrellisDbContext>("database", tags: ["ready"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.EntityFrameworkCore", MeterName)
                .AddPrometheusExporter())
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/metrics")));
        return builder;
    }

    public static void MapTrellisOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        var token = app.Configuration["Metrics:Token"];
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            // A load balancer needs only the word; the detail (backlogs, model) is for those who may read /metrics.
            ResponseWriter = (context, report) => MetricsGate.MayRead(context, token) ? WriteDetail(context, report) : WriteStatus(context, report),
        }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
    }

    private static Task WriteStatus(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(report.Status.ToString());
    }

    private static Task WriteDetail(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        });
}
