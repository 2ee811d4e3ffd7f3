using Quartz;

namespace Trellis.Web.Infrastructure.Jobs;

/// <summary>
/// Scheduled work (reminders, reviews due, automatic completion) runs as Quartz jobs (ADR 0006). Each
/// node runs its own in-memory scheduler; a job is safe on several nodes at once because the work it does
/// claims its rows in the database (a conditional UPDATE or a concurrency token), never by being the only
/// scheduler. The logic of each job lives in a plain service with a RunOnceAsync method, so tests drive it
/// with a fake clock and the scheduler only decides when it runs.
/// </summary>
public static class JobsSetup
{
    public static IServiceCollection AddTrellisJobs(this IServiceCollection services, IConfiguration configuration)
    {
        // Tests that drive the jobs by hand turn the scheduler off (Jobs:Run=false).
        if (!configuration.GetValue("Jobs:Run", true)) return services;
        services.AddQuartz(q =>
        {
            // Features add their jobs here: q.Every<SomeJob>(TimeSpan.FromMinutes(1));
            q.Every<Features.Mentorships.Lifecycle.LifecycleScheduleJob>(TimeSpan.FromMinutes(1));
            q.Every<Trellis.Web.Features.Meetings.MeetingReminderJob>(TimeSpan.FromMinutes(1));
            q.Every<Trellis.Web.Features.Critiques.OrphanFileSweepJob>(TimeSpan.FromHours(1));
            q.Every<Trellis.Web.Features.Reviews.ReviewRemindersJob>(TimeSpan.FromMinutes(1));
            q.Every<Features.Programmes.Health.ProgrammeNudgesJob>(TimeSpan.FromMinutes(15));
            // A coordinator waits for a bulk run: a queued run starts within seconds on whichever node claims it.
            q.Every<Features.Programmes.Matching.BulkRunJob>(TimeSpan.FromSeconds(3));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>Runs a job now and then every <paramref name="interval"/>, never two runs of it at once on a node.</summary>
    public static void Every<TJob>(this IQuartzBuilder q, TimeSpan interval) where TJob : class, IJob
    {
        var name = typeof(TJob).Name;
        q.ScheduleJob<TJob>(
            t => t.WithIdentity(name + "-trigger").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()),
            j => j.WithIdentity(name).DisallowConcurrentExecution());
    }
}
