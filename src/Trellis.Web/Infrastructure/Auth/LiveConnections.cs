using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Infrastructure.Auth;

/// <summary>
/// The open SignalR connections of this node, by member, so that suspending or deleting an account closes them at
/// once instead of when the member next reconnects. A connection on another node is closed on its next call (see
/// <see cref="LiveAccess"/>), and meanwhile receives nothing: senders address members who may still read the
/// conversation, looked up at the moment of sending (see <c>MessageBroadcaster</c>).
/// </summary>
public sealed class LiveConnections
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> _byMember = new();

    public void Opened(Guid memberId, HubCallerContext connection) =>
        _byMember.GetOrAdd(memberId, _ => new())[connection.ConnectionId] = connection;

    public void Closed(Guid memberId, HubCallerContext connection)
    {
        if (_byMember.TryGetValue(memberId, out var open)) open.TryRemove(connection.ConnectionId, out _);
    }

    /// <summary>Aborts every connection of the member on this node; returns how many there were.</summary>
    public int CloseAll(Guid memberId)
    {
        if (!_byMember.TryRemove(memberId, out var open)) return 0;
        foreach (var connection in open.Values) connection.Abort();
        return open.Count;
    }
}

/// <summary>
/// Around every hub: connections are registered with <see cref="LiveConnections"/>, and every call from a client
/// re-checks that its member may still use Trellis (a connection outlives the checks made when it opened).
/// </summary>
public sealed class LiveAccess(LiveConnections connections) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocation.Context;
        var me = context.User?.MemberIdOrNull();
        var db = invocation.ServiceProvider.GetRequiredService<TrellisDbContext>();
        if (me is null || !await db.Users.AnyAsync(u => u.Id == me && u.SuspendedAt == null && u.DeletedAt == null, context.ConnectionAborted))
        {
            context.Abort();
            throw new HubException("Sign in first.");
        }
        return await next(invocation);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (context.Context.User?.MemberIdOrNull() is { } me) connections.Opened(me, context.Context);
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.User?.MemberIdOrNull() is { } me) connections.Closed(me, context.Context);
        return next(context, exception);
    }
}
