using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Trellis.Web.Features.Mentorships.Lifecycle;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Lifecycle;

/// <summary>With the scheduler on (the default), the lifecycle job is scheduled and can be built from the container.</summary>
public sealed class LifecycleJobWiringTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task TheJob_IsScheduledEveryMinute_AndRunsWithItsDependencies()
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var triggers = await scheduler.GetTriggersOfJob(new JobKey(nameof(LifecycleScheduleJob)));
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(triggers));
        Assert.Equal(TimeSpan.FromMinutes(1), trigger.RepeatInterval);

        using var scope = app.Services.CreateScope();
        var job = ActivatorUtilities.CreateInstance<LifecycleScheduleJob>(scope.ServiceProvider);
        await job.Execute(null!, TestContext.Current.CancellationToken);
    }
}
