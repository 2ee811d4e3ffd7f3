using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Infrastructure.Observability;

public static class ObservabilitySetup
{
    public const string ServiceName = "trellis";

    public static WebApplicationBuilder AddTrellisObservability(this WebApplicationBuilder builder)
    {
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<TrellisDbContext>("database", tags: ["ready"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.EntityFrameworkCore")
                .AddPrometheusExporter())
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/metrics")));
        return builder;
    }

    public static void MapTrellisOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
    }
}
