using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Messages;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Messages;

namespace Trellis.Web.Tests.Moderation;

/// <summary>Suspension and deletion end the live connection and the calendar feed too, not only sessions.</summary>
public sealed class LiveAccessTests(ModerationApp app) : IClassFixture<ModerationApp>
{
    private async Task<(HubConnection Connection, ConcurrentQueue<MessageView> Received, TaskCompletionSource Closed)> ConnectAsync(Person who, Guid mentorshipId)
    {
        var token = who.Api.DefaultRequestHeaders.Authorization!.Parameter;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(TrellisApp.BaseAddress, MessagesHub.Path), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult(token);
            })
            .Build();
        var received = new ConcurrentQueue<MessageView>();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<MessageView>(nameof(IMessagesClient.MessagePosted), received.Enqueue);
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await connection.StartAsync();
        await connection.InvokeAsync("JoinMentorship", mentorshipId);
        return (connection, received, closed);
    }

    [Fact]
    public async Task Suspending_ClosesTheMembersOpenConnection_AtOnce_AndTheirCalendarFeedStops()
    {
        var admin = await app.AdminAsync();
        var pair = await app.PairAsync("Maria Stays", "Tom Suspended");
        var feed = new Uri((string)(await (await pair.Mentee.Api.PostAsync("/api/v1/me/calendar", null)).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["url"]!).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync(feed)).StatusCode);
        var (connection, received, closed) = await ConnectAsync(pair.Mentee, pair.Id);
        await using var _ = connection;

        (await admin.Api.PostAsJsonAsync($"/api/v1/admin/members/{pair.Mentee.Member.Id}/suspend", new { reason = "Spam." })).EnsureSuccessStatusCode();

        Assert.Same(closed.Task, await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(feed)).StatusCode);
        await pair.Mentor.SentAsync(pair.Id, "Are you still there?");
        Assert.Empty(received);
    }

    [Fact]
    public async Task AConnectionThatOutlivesItsMembersSuspension_ReceivesNothing_AndIsClosedOnItsNextCall()
    {
        // As on another node, where nobody closed it: suspended in the database only.
        var pair = await app.PairAsync("Maria Other", "Tom Elsewhere");
        var (connection, received, closed) = await ConnectAsync(pair.Mentee, pair.Id);
        await using var _ = connection;
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == pair.Mentee.Member.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SuspendedAt, DateTimeOffset.UtcNow)));

        var sent = await pair.Mentor.SentAsync(pair.Id, "Only Maria's own pages hear this");
        await Task.Delay(500);
        Assert.Empty(received);
        Assert.NotNull(sent["id"]);

        await Assert.ThrowsAnyAsync<Exception>(() => connection.InvokeAsync("JoinMentorship", pair.Id));
        Assert.Same(closed.Task, await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(10))));
    }

    [Fact]
    public async Task DeletingTheAccount_ClosesItsOpenConnection()
    {
        var pair = await app.PairAsync("Maria Left", "Tom Deleting");
        var (connection, _, closed) = await ConnectAsync(pair.Mentee, pair.Id);
        await using var _c = connection;

        var deleted = await pair.Mentee.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = pair.Mentee.Member.Password });
        Assert.True(deleted.IsSuccessStatusCode, await deleted.Content.ReadAsStringAsync());

        Assert.Same(closed.Task, await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(10))));
    }
}
