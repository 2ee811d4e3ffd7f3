namespace Trellis.Web.Features.Programmes;

public static class ProgrammesSetup
{
    public static IServiceCollection AddTrellisProgrammes(this IServiceCollection services)
    {
        services.AddScoped<ProgrammeAccess>();
        services.AddScoped<ProgrammeHandlers>();
        services.AddScoped<WindingDown>();
        services.AddScoped<Enrolment.EnrolmentHandlers>();
        services.AddScoped<Enrolment.ParticipantHandlers>();
        services.AddScoped<Enrolment.InvitationHandlers>();
        services.AddScoped<Enrolment.ParticipantImport>();
        services.AddScoped<Enrolment.ParticipantExport>();
        services.AddScoped<MenteeChoice.ProgrammeMentors>();
        services.AddScoped<MenteeChoice.MenteeChoiceRules>();
        services.AddScoped<Matching.MatchHandlers>();
        services.AddScoped<Mentorships.Workspace.IMentorshipStatusListener, Matching.DirectMatchDeclined>();
        services.AddScoped<Matching.MatchBoard>();
        services.AddScoped<Matching.DraftSwap>();
        services.AddScoped<Matching.MatchExport>();
        services.AddScoped<Matching.ProfileComparison>();
        services.AddScoped<Matching.BulkHandlers>();
        services.AddSingleton<Matching.BulkRunner>();
        services.AddScoped<Reports.ProgrammeReports>();
        services.AddScoped<Health.PairHealth>();
        services.AddScoped<Health.PairNudges>();
        services.AddScoped<Reports.ActivityReports>();
        services.AddScoped<Reports.ProgrammeGlance>();
        services.AddScoped<Health.NudgeSettingsHandlers>();
        services.AddSingleton<Health.ProgrammeNudges>();
        return services;
    }
}
