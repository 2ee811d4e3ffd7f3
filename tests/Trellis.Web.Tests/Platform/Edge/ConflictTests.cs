using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Domain;
using Trellis.Web.Features.Blocking;
using Trellis.Web.Features.CheckIns;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Timeline;

namespace Trellis.Web.Tests.Platform.Edge;

/// <summary>The app with a second writer that strikes between a handler's read and its save, when armed.</summary>
public sealed class RaceApp : TrellisApp
{
    public SecondWriter Writer { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.ConfigureDbContext<SqliteTrellisDbContext>(o => o.AddInterceptors(Writer));
            s.ConfigureDbContext<PostgresTrellisDbContext>(o => o.AddInterceptors(Writer));
        });
    }

    /// <summary>Runs its action once, on its own connection, just before the next save that changes a row of
    /// type <typeparamref name="T"/>: a real concurrent writer, committed before the handler's save begins.</summary>
    public sealed class SecondWriter : SaveChangesInterceptor
    {
        private Func<Task>? _strike;
        private Type? _on;

        public void Arm<T>(Func<Task> strike) => (_on, _strike) = (typeof(T), strike);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (_strike is { } strike && eventData.Context!.ChangeTracker.Entries()
                    .Any(e => e.Entity.GetType() == _on && e.State == EntityState.Modified))
            {
                _strike = null;
                await strike();
            }
            return result;
        }
    }
}

/// <summary>"Someone else got there first" is a 409 in one place (Infrastructure/Data/Conflicts), on both
/// databases (run with TRELLIS_TEST_DB=Postgres for PostgreSQL).</summary>
public sealed class ConflictTests(RaceApp app) : IClassFixture<RaceApp>
{
    [Fact]
    public async Task TwoAnswersAtOnce_TheLaterSaveIs409_AndTheFirstAnswerStands()
    {
        var w = await app.ActiveAsync("Race");
        var raised = await w.Mentee.PostJsonAsync($"/api/v1/mentorships/{w.Id}/checkins", new { text = "Help", urgency = "Today" });
        var checkInId = Guid.Parse((string)(await raised.JsonAsync())["id"]!);
        // The mentor answers from two tabs; the other tab's answer is committed while this one is between read and save.
        app.Writer.Arm<CheckIn>(() => app.WithDbAsync(db => db.CheckIns.Where(c => c.Id == checkInId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Answer, "From the other tab")
            .SetProperty(c => c.Status, CheckInStatus.Answered)
            .SetProperty(c => c.Version, Guid.NewGuid()))));

        var response = await w.Mentor.PostJsonAsync($"/api/v1/mentorships/{w.Id}/checkins/{checkInId}/answer", new { text = "From this tab" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("changed at the same moment", (string)(await response.JsonAsync())["detail"]!, StringComparison.Ordinal);
        Assert.Equal("From the other tab", await app.WithDbAsync(db => db.CheckIns.Where(c => c.Id == checkInId).Select(c => c.Answer).SingleAsync()));
        // Nothing of the losing save was written: no notification of its answer, no timeline entry.
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.MemberId == w.Mentee.Id && n.Kind == NotificationKind.CheckIn)));
        Assert.False(await app.WithDbAsync(db => db.TimelineEntries.AnyAsync(e => e.MentorshipId == w.Id && e.Text.Contains("answered"))));
    }

    [Fact]
    public async Task AUniqueIndexThatLetTheOtherWriterThrough_IsALostRace_AForeignKeyIsNot()
    {
        var a = await app.MenteeAsync("Ann Unique");
        var b = await app.MenteeAsync("Bob Unique");
        var at = DateTimeOffset.UtcNow;
        await app.WithDbAsync(async first => await app.WithDbAsync(async second =>
        {
            first.Add(new Block(a.Id, b.Id, at));
            second.Add(new Block(a.Id, b.Id, at.AddTicks(1)));
            Assert.Null(await first.SaveOrConflictAsync("Already blocked.", default));
            var lost = await second.SaveOrConflictAsync("Already blocked.", default);
            Assert.Equal(new ConflictError("Already blocked."), lost);
        }));
        Assert.Equal(1, await app.WithDbAsync(db => db.Blocks.CountAsync(x => x.BlockerId == a.Id && x.BlockedId == b.Id)));

        await app.WithDbAsync(async db =>
        {
            db.Add(new Block(a.Id, Guid.NewGuid(), at)); // nobody: a bug, not a race
            var broken = await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveOrConflictAsync("x", default));
            Assert.False(broken.IsLostRace());
        });
    }
}
