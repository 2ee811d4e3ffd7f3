using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.AI;
using Scalar.AspNetCore;
using Trellis.Matching.Embeddings;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Blocking;
using Trellis.Web.Features.CheckIns;
using Trellis.Web.Features.Critiques;
using Trellis.Web.Features.Endorsements;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Features.Goals;
using Trellis.Web.Features.Guides;
using Trellis.Web.Features.Home;
using Trellis.Web.Features.Meetings;
using Trellis.Web.Features.Mentorships.Lifecycle;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Mentorships.Revisions;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Messages;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Features.Programmes;
using Trellis.Web.Features.Resources;
using Trellis.Web.Features.Reviews;
using Trellis.Web.Features.Timeline;
using Trellis.Web.Infrastructure;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Files;
using Trellis.Web.Infrastructure.Http;
using Trellis.Web.Infrastructure.Jobs;
using Trellis.Web.Infrastructure.Observability;
using Trellis.Web.Infrastructure.Validation;

namespace Trellis.Web;

/// <summary>The web host's composition, kept out of Program.cs so that file reads as a table of contents.</summary>
public static class WebSetup
{
    public static WebApplicationBuilder AddTrellisWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                RateLimits.ApplyToPages(o.Conventions);
            })
            // A blank optional text box is not an error; what is required says so with [Required].
            .AddMvcOptions(o =>
            {
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.Filters.Add(new RefuseNulOnPages());
            })
            .AddCookieTempDataProvider(o => SiteCookies.From(builder.Configuration).Apply(o.Cookie, "trellis-td"));
        services.AddApiEdge();
        services.AddTrellisRateLimits();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Trellis API";
            doc.Info.Description = "Every capability of Trellis. Authenticate with a bearer token from POST /api/v1/auth/login.";
            return Task.CompletedTask;
        }));
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SiteLinks>();
        services.AddHttpContextAccessor();
        services.AddScoped<Trellis.Web.Features.Profiles.MemberZone>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    public static IServiceCollection AddTrellisFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Trellis.Matching.Scoring.MatchingOptions>().Bind(configuration.GetSection(Trellis.Matching.Scoring.MatchingOptions.SectionName)).ValidateDataAnnotations();
        // The offline sentence model behind the abstraction; one shared instance per process (the
        // model loads once, about a second). An instance registration, so no container disposes it.
        services.AddSingleton(SentenceEmbedder.Shared);
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(SentenceEmbedder.Shared);
        services.AddSingleton<EmbeddingRefresher>();
        services.AddSingleton<EmbeddingBacklog>();
        services.AddHealthChecks().AddCheck<EmbeddingBacklogCheck>("embeddings", tags: ["ready"]);
        services.AddSingleton<MentorDirectory>();
        services.AddScoped<MentorSearch>();
        if (configuration.GetValue("Matching:RunWorker", true))
            services.AddHostedService<MatchingWorker>();
        services.AddScoped<Notifier>();
        services.AddScoped<Unsubscribe>();
        services.AddScoped<NotificationCentre>();
        services.AddScoped<ProfileHandlers>();
        services.AddOptions<MentorshipOptions>().BindConfiguration("Mentorships");
        services.AddScoped<MentorshipHandlers>();
        services.AddScoped<MentorshipAccess>();
        services.AddScoped<MentorshipEvents>();
        services.AddScoped<LifecycleHandlers>();
        services.AddSingleton<LifecycleSchedule>();
        services.AddScoped<BlockHandlers>();
        services.AddScoped<MeetingPlanner>();
        services.AddScoped<MeetingHandlers>();
        services.AddScoped<IPauseMeetings, MeetingPause>();
        // Pair health (ADR 0031): each workspace feature answers for its own signal.
        services.AddScoped<IPairSignal, MeetingSignal>();
        services.AddScoped<IPairSignal, ReviewSignal>();
        services.AddScoped<IPairSignal, CheckInSignal>();
        services.AddScoped<CalendarFeeds>();
        services.AddScoped<IMentorshipStatusListener, MeetingStatusListener>();
        services.AddSingleton<MeetingReminders>();
        services.AddSingleton<IHttpContextFactory, FeedTokenRedaction>();
        services.AddScoped<CheckInHandlers>();
        services.AddScoped<GoalHandlers>();
        services.AddScoped<IMentorshipStatusListener, GoalSeeding>();
        services.AddScoped<TimelineQueries>();
        services.AddSingleton<RequestExpiry>();
        services.AddHostedService<RequestExpiryWorker>();
        services.AddSingleton<DigestSender>();
        services.AddHostedService<DigestWorker>();
        services.AddScoped<AccountDeletion>();
        services.AddScoped<MemberDataExport>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<Trellis.Web.Infrastructure.Auth.SessionRevocation>();
        services.AddScoped<ApiSessions>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<Registration>();
        services.AddTrellisModeration();
        // What moderation reaches into is composed here, so Moderation depends on no feature (ADR 0023).
        services.AddScoped<IReportTarget, ProfileReportTarget>();
        services.AddScoped<IReportTarget, RequestReportTarget>();
        services.AddScoped<ISuspensionListener, ProfileSuspension>();
        services.AddTrellisFiles(configuration);
        services.AddScoped<CritiqueHandlers>();
        services.AddSingleton<OrphanFileSweep>();
        services.AddScoped<ResourceHandlers>();
        services.AddTrellisMessages(configuration);
        services.AddScoped<RevisionHandlers>();
        services.AddScoped<ReviewSchedule>();
        services.AddScoped<IAgreementRevisionListener>(sp => sp.GetRequiredService<ReviewSchedule>());
        services.AddScoped<ReviewHandlers>();
        services.AddSingleton<ReviewReminders>();
        services.AddScoped<ImpactStats>();
        services.AddScoped<EndorsementHandlers>();
        services.AddScoped<Trellis.Web.Features.Moderation.IReportTarget, EndorsementReportTarget>();
        services.AddTrellisProgrammes();
        // Reports on rows of features built on the mentorship are theirs; the programme composes them (ADR 0030).
        services.AddScoped<Trellis.Web.Features.Programmes.Reports.IPairReport, ReviewScoresReport>();
        services.AddScoped<Trellis.Web.Features.Programmes.Reports.IPairReport, CheckInsReport>();
        services.AddTrellisGuides();
        services.AddTrellisJobs(configuration);
        return services;
    }

    public static WebApplication UseTrellisPipeline(this WebApplication app)
    {
        if (app.Configuration.GetValue("App:BehindProxy", false)) app.UseForwardedHeaders();
        app.UseSecurityHeaders(); // before the exception handlers, so their answers carry the headers too
        app.UseApiExceptionProblems();
        app.UseErrorPages();
        app.UseMetricsGate();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseCookieApiForgeryCheck();
        app.UseAuthorization();
        app.UseRateLimiter(); // after authentication: a signed-in member's requests count as theirs, not their address's
        app.UseMentorshipMembership();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapTrellisEndpoints(this WebApplication app)
    {
        app.MapTrellisOperations();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/scalar", o => o.WithTitle("Trellis API reference").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapRazorPages();

        var api = app.MapGroup("/api/v1").AddEndpointFilter(Trellis.Web.Infrastructure.Validation.NoNullEntries.InBodyListsAsync);
        api.MapTrellisAuth();
        api.MapProfiles();
        api.MapMemberData();
        api.MapNotifications();
        api.MapMentors();
        api.MapMentorships();
        api.MapBlocking();
        api.MapModeration();
        api.MapMeetings();
        app.MapCalendarFeed();
        app.MapUnsubscribe();
        api.MapCritiques();
        api.MapResources();
        api.MapCheckIns();
        api.MapGoals();
        api.MapTimeline();
        api.MapMessages();
        app.MapMessagesHub();
        api.MapRevisions();
        api.MapReviews();
        api.MapEndorsements();
        api.MapProgrammes();
        api.MapGuides();
        return app;
    }
}
