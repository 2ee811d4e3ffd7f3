namespace Trellis.Web.Features.Programmes;

public static class ProgrammesSetup
{
    public static IServiceCollection AddTrellisProgrammes(this IServiceCollection services)
    {
        services.AddScoped<ProgrammeAccess>();
        services.AddScoped<ProgrammeHandlers>();
        return services;
    }
}
