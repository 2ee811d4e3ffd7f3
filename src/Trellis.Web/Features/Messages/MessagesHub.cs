using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Messages;

/// <summary>What the server calls on a connected page or app.</summary>
public interface IMessagesClient
{
    Task MessagePosted(MessageView message);
    Task MessageChanged(MessageView message);
}

/// <summary>
/// Live updates of a conversation. A connection receives nothing until it joins a mentorship's group, and
/// only the two members of that mentorship can join it. Messages are sent through the API or the page, never
/// through the hub, so every write goes through the same rules.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class MessagesHub(MentorshipAccess access) : Hub<IMessagesClient>
{
    public const string Path = "/hubs/messages";

    public static string Group(Guid mentorshipId) => $"mentorship:{mentorshipId}";

    public async Task JoinMentorship(Guid mentorshipId)
    {
        var me = Context.User?.MemberIdOrNull() ?? throw new HubException("Sign in first.");
        if (await access.FindAsync(me, mentorshipId, Context.ConnectionAborted) is null)
            throw new HubException("No such mentorship.");
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(mentorshipId), Context.ConnectionAborted);
    }

    public Task LeaveMentorship(Guid mentorshipId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(mentorshipId), Context.ConnectionAborted);
}

/// <summary>Tells the open pages of a mentorship that a message was saved. A failure here (a backplane down)
/// never fails the write: the message is stored and shows on the next load.</summary>
public sealed class MessageBroadcaster(IHubContext<MessagesHub, IMessagesClient> hub, ILogger<MessageBroadcaster> log)
{
    public Task PostedAsync(MessageView message) => SendAsync(message, (c, m) => c.MessagePosted(m));

    public Task ChangedAsync(MessageView message) => SendAsync(message, (c, m) => c.MessageChanged(m));

    private async Task SendAsync(MessageView message, Func<IMessagesClient, MessageView, Task> send)
    {
        try
        {
            await send(hub.Clients.Group(MessagesHub.Group(message.MentorshipId)), message);
        }
        catch (Exception ex)
        {
            // The message id only: never its text.
            log.LogWarning(ex, "Live update for message {MessageId} failed", message.Id);
        }
    }
}
