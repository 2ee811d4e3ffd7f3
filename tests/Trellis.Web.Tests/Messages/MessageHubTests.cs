using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Features.Messages;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Messages;

/// <summary>Real SignalR clients over the test server, authenticated with each member's bearer token.</summary>
public sealed class MessageHubTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private sealed class LiveClient : IAsyncDisposable
    {
        public required HubConnection Connection { get; init; }
        public ConcurrentQueue<(string Event, MessageView Message)> Received { get; } = new();

        public async Task<MessageView> WaitForAsync(string evt, Func<MessageView, bool> match)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                var found = Received.FirstOrDefault(r => r.Event == evt && match(r.Message));
                if (found.Message is not null) return found.Message;
                await Task.Delay(25);
            }
            throw new TimeoutException($"No {evt} arrived; got {Received.Count} events.");
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    private async Task<LiveClient> ConnectAsync(Person who, HttpTransportType transport = HttpTransportType.LongPolling)
    {
        var token = who.Api.DefaultRequestHeaders.Authorization!.Parameter;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(TrellisApp.BaseAddress, MessagesHub.Path), o =>
            {
                o.Transports = transport;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult(token);
            })
            .Build();
        var client = new LiveClient { Connection = connection };
        connection.On<MessageView>(nameof(IMessagesClient.MessagePosted), m => client.Received.Enqueue((nameof(IMessagesClient.MessagePosted), m)));
        connection.On<MessageView>(nameof(IMessagesClient.MessageChanged), m => client.Received.Enqueue((nameof(IMessagesClient.MessageChanged), m)));
        await connection.StartAsync();
        return client;
    }

    [Fact]
    public async Task TheOtherMember_ReceivesNewEditedAndDeletedMessages_AndAThirdMemberCanNeverJoin()
    {
        var pair = await app.PairAsync("Maria Live", "Tom Live");
        var outsiderPair = await app.PairAsync("Olga Outsider", "Otto Outsider");
        await using var mentor = await ConnectAsync(pair.Mentor);
        await using var outsider = await ConnectAsync(outsiderPair.Mentee);
        await mentor.Connection.InvokeAsync("JoinMentorship", pair.Id);

        var refused = await Assert.ThrowsAsync<HubException>(() => outsider.Connection.InvokeAsync("JoinMentorship", pair.Id));
        Assert.Contains("No such mentorship", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, outsider.Connection.State);
        // A made-up id looks exactly the same.
        var unknown = await Assert.ThrowsAsync<HubException>(() => outsider.Connection.InvokeAsync("JoinMentorship", Guid.NewGuid()));
        Assert.Equal(refused.Message, unknown.Message);

        var sent = await pair.Mentee.SentAsync(pair.Id, "Are you free on **Thursday**?");
        var live = await mentor.WaitForAsync(nameof(IMessagesClient.MessagePosted), m => m.Id == sent.MessageId());
        Assert.Equal("Are you free on **Thursday**?", live.Body);
        Assert.Contains("<strong>Thursday</strong>", live.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(pair.Mentee.Id, live.AuthorId);

        var url = $"{pair.Messages}/{sent.MessageId()}";
        (await pair.Mentee.Api.PutAsJsonAsync(url, new { body = "Are you free on Friday?" })).EnsureSuccessStatusCode();
        var edited = await mentor.WaitForAsync(nameof(IMessagesClient.MessageChanged), m => m.Id == sent.MessageId() && m.Version == 2);
        Assert.Equal("Are you free on Friday?", edited.Body);
        (await pair.Mentee.Api.DeleteAsync(url)).EnsureSuccessStatusCode();
        var deleted = await mentor.WaitForAsync(nameof(IMessagesClient.MessageChanged), m => m.Id == sent.MessageId() && m.State == MessageState.Deleted);
        Assert.Null(deleted.Body);

        // The outsider's failed joins left it outside the group: it heard nothing of all that.
        await Task.Delay(500);
        Assert.Empty(outsider.Received);
    }

    [Fact]
    public async Task AConnectionThatJoinedItsOwnMentorship_HearsNothingFromAnother()
    {
        var pair = await app.PairAsync("Maria Own", "Tom Own");
        var other = await app.PairAsync("Olga Own", "Otto Own");
        await using var mine = await ConnectAsync(pair.Mentor);
        await using var theirs = await ConnectAsync(other.Mentor);
        await mine.Connection.InvokeAsync("JoinMentorship", pair.Id);
        await theirs.Connection.InvokeAsync("JoinMentorship", other.Id);

        var sent = await pair.Mentee.SentAsync(pair.Id, "Just for Maria");
        await mine.WaitForAsync(nameof(IMessagesClient.MessagePosted), m => m.Id == sent.MessageId());
        var theirsSent = await other.Mentee.SentAsync(other.Id, "Just for Olga");
        await theirs.WaitForAsync(nameof(IMessagesClient.MessagePosted), m => m.Id == theirsSent.MessageId());

        Assert.DoesNotContain(theirs.Received, r => r.Message.MentorshipId == pair.Id);
        Assert.DoesNotContain(mine.Received, r => r.Message.MentorshipId == other.Id);
    }

    [Fact]
    public void TheHubEndpoints_CarryTheMemberPolicy_SoTheInventorySeesThem()
    {
        var hub = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").StartsWith(MessagesHub.Path, StringComparison.Ordinal)).ToList();
        Assert.Contains(hub, e => e.RoutePattern.RawText == MessagesHub.Path + "/negotiate");
        Assert.All(hub, e => Assert.Contains(e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>(),
            a => a.Policy == Trellis.Web.Infrastructure.Auth.Policies.Member));
    }

    [Fact]
    public async Task WithoutSigningIn_TheHubRefusesTheConnection()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(TrellisApp.BaseAddress, MessagesHub.Path), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
            })
            .Build();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        await connection.DisposeAsync();
    }
}
