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
/// only the two members of that mentorship can join it — each into a group of their own, so that a sender
/// addresses only the members who may read the conversation at that moment. Messages are sent through the API
/// or the page, never through the hub, so every write goes through the same rules.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class MessagesHub(MentorshipAccess access) : Hub<IMessagesClient>
{
    public const string Path = "/hubs/messages";

    public static string Group(Guid mentorshipId, Guid memberId) => $"mentorship:{mentorshipId}:member:{memberId}";

    public async Task JoinMentorship(Guid mentorshipId)
    {
        var me = Context.User?.MemberIdOrNull() ?? throw new HubException("Sign in first.");
        if (await access.FindAsync(me, mentorshipId, Context.ConnectionAborted) is null)
            throw new HubException("No such mentorship.");
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(mentorshipId, me), Context.ConnectionAborted);
    }

    public Task LeaveMentorship(Guid mentorshipId) =>
        Context.User?.MemberIdOrNull() is { } me
            ? Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(mentorshipId, me), Context.ConnectionAborted)
            : Task.CompletedTask;
}

/// <summary>Tells the open pages of a mentorship that a message was saved — only those of the members who may read it
/// now (<paramref name="recipients"/>, looked up by the caller as it sends). A failure here (a backplane down) never
/// fails the write: the message is stored and shows on the next load.</summary>
public sealed class MessageBroadcaster(IHubContext<MessagesHub, IMessagesClient> hub, ILogger<MessageBroadcaster> log)
{
    public Task PostedAsync(MessageView message, IReadOnlyList<Guid> recipients) => SendAsync(message, recipients, (c, m) => c.MessagePosted(m));

    public Task ChangedAsync(MessageView message, IReadOnlyList<Guid> recipients) => SendAsync(message, recipients, (c, m) => c.MessageChanged(m));

    private async Task SendAsync(MessageView message, IReadOnlyList<Guid> recipients, Func<IMessagesClient, MessageView, Task> send)
    {
        if (recipients.Count == 0) return;
        try
        {
            await send(hub.Clients.Groups(recipients.Select(r => MessagesHub.Group(message.MentorshipId, r)).ToList()), message);
        }
        catch (Exception ex)
        {
            // The message id only: never its text.
            log.LogWarning(ex, "Live update for message {MessageId} failed", message.Id);
        }
    }
}
