using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Domain;
using Trellis.Web.Features.Messages;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Messages;

/// <summary>The edit window on a fake clock: the handlers the API and pages use, built with a FakeTimeProvider.</summary>
public sealed class MessageEditWindowTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private async Task<T> WithHandlersAsync<T>(TimeProvider clock, Func<MessageHandlers, Task<T>> act)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await act(ActivatorUtilities.CreateInstance<MessageHandlers>(scope.ServiceProvider, clock));
    }

    [Fact]
    public async Task FourteenMinutesLater_TheAuthorCanEdit_SixteenMinutesLater_409_AndNothingChanges()
    {
        var pair = await app.PairAsync("Maria Clock", "Tom Clock");
        // Whole seconds: PostgreSQL keeps microseconds, the clock has 100 ns ticks.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var posted = await WithHandlersAsync(clock, h => h.PostAsync(pair.Mentee.Id, pair.Id, new PostMessageRequest("Meeting at 3"), default));
        Assert.True(posted.IsSuccess);
        var id = posted.Value.Id;
        Assert.Equal(clock.GetUtcNow().AddMinutes(15), posted.Value.EditableUntil);

        clock.Advance(TimeSpan.FromMinutes(14));
        var early = await WithHandlersAsync(clock, h => h.EditAsync(pair.Mentee.Id, pair.Id, id, new EditMessageRequest("Meeting at 4", null), default));
        Assert.True(early.IsSuccess);

        clock.Advance(TimeSpan.FromMinutes(2));
        var late = await WithHandlersAsync(clock, h => h.EditAsync(pair.Mentee.Id, pair.Id, id, new EditMessageRequest("Meeting at 5", null), default));
        Assert.IsType<ConflictError>(late.Error);

        var stored = await app.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal("Meeting at 4", stored.Body);
        Assert.Equal(posted.Value.CreatedAt.AddMinutes(14), stored.EditedAt);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task DeletingHasNoWindow()
    {
        var pair = await app.PairAsync("Maria Old", "Tom Old");
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var posted = await WithHandlersAsync(clock, h => h.PostAsync(pair.Mentee.Id, pair.Id, new PostMessageRequest("Old news"), default));
        clock.Advance(TimeSpan.FromDays(40));
        var deleted = await WithHandlersAsync(clock, h => h.DeleteAsync(pair.Mentee.Id, pair.Id, posted.Value!.Id, default));
        Assert.Equal(MessageState.Deleted, deleted.Value!.State);
        Assert.Equal("", await app.WithDbAsync(db => db.Messages.Where(m => m.Id == posted.Value!.Id).Select(m => m.Body).SingleAsync()));
    }
}
