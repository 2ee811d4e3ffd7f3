namespace Trellis.Web.Features.Guides;

public static class GuidesSetup
{
    public static IServiceCollection AddTrellisGuides(this IServiceCollection services)
    {
        services.AddScoped<GuideAccess>();
        services.AddScoped<GuideHandlers>();
        services.AddScoped<QuestionHandlers>();
        services.AddScoped<Moderation.IReportTarget, QuestionReportTarget>();
        services.AddScoped<Moderation.IReportTarget, AnswerReportTarget>();
        services.AddScoped<Accounts.IMemberDataPart, GuideMemberData>();
        return services;
    }
}
