using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Messages;

/// <summary>The conversation of a mentorship, shared by the API and the pages. Every call starts from
/// <see cref="MentorshipAccess"/>, so only the two members ever reach a message.</summary>
public sealed class MessageHandlers(TrellisDbContext db, MentorshipAccess access, TimeProvider time, Notifier notifier,
    IOptions<MessageOptions> options, MessageBroadcaster broadcaster)
{
    public const int DefaultLimit = 30;
    public const int MaxLimit = 100;
    private MessageOptions Rules => options.Value;

    public static string PageLink(Guid mentorshipId) => $"/Mentorships/{mentorshipId}/Messages";

    public async Task<Result<MessagePage>> ListAsync(Guid me, Guid mentorshipId, string? before, int? limit, CancellationToken ct)
    {
        var cursor = MessageCursor.Parse(before);
        var take = limit ?? DefaultLimit;
        var errors = new Dictionary<string, string[]>();
        if (!cursor.IsSuccess) errors["before"] = ((Invalid)cursor.Error).Errors["before"];
        if (take is < 1 or > MaxLimit) errors["limit"] = [$"Must be between 1 and {MaxLimit}."];
        if (await access.FindAsync(me, mentorshipId, ct) is null) return new NotFoundError("No such mentorship.");
        if (errors.Count > 0) return new Invalid(errors);

        var beforeNumber = cursor.Value ?? int.MaxValue;
        var rows = await Views(mentorshipId)
            .Where(m => m.Number < beforeNumber)
            .OrderByDescending(m => m.Number)
            .Take(take + 1)
            .ToListAsync(ct);
        var items = rows.Take(take).Select(Render).ToList();
        var next = rows.Count > take ? MessageCursor.For(items[^1].Number) : null;
        return new MessagePage(items, next, await UnreadAsync(me, mentorshipId, ct));
    }

    public async Task<Result<MessageView>> GetAsync(Guid me, Guid mentorshipId, Guid messageId, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is null) return new NotFoundError("No such mentorship.");
        return await ViewAsync(mentorshipId, messageId, ct) is { } view ? view : new NotFoundError("No such message.");
    }

    public async Task<Result<MessageView>> PostAsync(Guid me, Guid mentorshipId, PostMessageRequest request, CancellationToken ct)
    {
        var membership = await access.FindAsync(me, mentorshipId, ct);
        if (membership is null) return new NotFoundError("No such mentorship.");
        if (Validate(request.Body) is { } invalid) return invalid;
        if (membership.RequireActive("send messages") is { } inactive) return inactive;
        await EnsureConversationAsync(membership, ct);

        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Numbers the message and, by locking the conversation row, serialises sending on every node.
        await db.Set<Conversation>().Where(c => c.MentorshipId == mentorshipId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), ct);
        var number = await db.Set<Conversation>().Where(c => c.MentorshipId == mentorshipId).Select(c => c.LastNumber).SingleAsync(ct);
        var message = new Message(mentorshipId, number, me, request.Body!, now);
        db.Set<Message>().Add(message);
        // Answering means having read the conversation.
        await MarkReadUpToAsync(me, mentorshipId, number, now, ct);
        await NotifyAsync(membership, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var view = (await ViewAsync(mentorshipId, message.Id, ct))!;
        await broadcaster.PostedAsync(view, await RecipientsAsync(membership, ct));
        return view;
    }

    public async Task<Result<MessageView>> EditAsync(Guid me, Guid mentorshipId, Guid messageId, EditMessageRequest request, CancellationToken ct)
    {
        var membership = await access.FindAsync(me, mentorshipId, ct);
        if (membership is null) return new NotFoundError("No such mentorship.");
        var message = await db.Set<Message>().SingleOrDefaultAsync(m => m.Id == messageId && m.MentorshipId == mentorshipId && m.AuthorId == me, ct);
        if (message is null) return new NotFoundError("No such message of yours.");
        if (Validate(request.Body) is { } invalid) return invalid;
        if (membership.RequireActive("edit messages") is { } inactive) return inactive;
        if (request.Version is { } version && version != message.Version)
            return new ConflictError("This message has changed since you opened it; reload and try again.");
        if (message.Edit(me, request.Body!, time.GetUtcNow(), Rules.EditWindow) is { } refused) return refused;
        return await SaveAndBroadcastAsync(message, membership, ct);
    }

    /// <summary>Deleting your own words is always allowed, also once the mentorship is paused or over.</summary>
    public async Task<Result<MessageView>> DeleteAsync(Guid me, Guid mentorshipId, Guid messageId, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is not { } membership) return new NotFoundError("No such mentorship.");
        var message = await db.Set<Message>().SingleOrDefaultAsync(m => m.Id == messageId && m.MentorshipId == mentorshipId && m.AuthorId == me, ct);
        if (message is null) return new NotFoundError("No such message of yours.");
        if (message.Delete(me, time.GetUtcNow()) is { } refused) return refused;
        return await SaveAndBroadcastAsync(message, membership, ct);
    }

    /// <summary>Everything in the conversation so far counts as read for <paramref name="me"/>.</summary>
    public async Task<bool> MarkReadAsync(Guid me, Guid mentorshipId, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is null) return false;
        var last = await db.Set<Conversation>().Where(c => c.MentorshipId == mentorshipId).Select(c => (int?)c.LastNumber).SingleOrDefaultAsync(ct);
        if (last is { } number) await MarkReadUpToAsync(me, mentorshipId, number, time.GetUtcNow(), ct);
        return true;
    }

    public Task<int> UnreadAsync(Guid me, Guid mentorshipId, CancellationToken ct) =>
        Unread(me).Where(u => u.MentorshipId == mentorshipId).Select(u => u.Unread).SingleOrDefaultAsync(ct);

    /// <summary>Every conversation of <paramref name="me"/> with unread messages, most unread first.</summary>
    public async Task<IReadOnlyList<UnreadConversation>> UnreadConversationsAsync(Guid me, CancellationToken ct) =>
        (await Unread(me).Where(u => u.Unread > 0).ToListAsync(ct))
            .OrderByDescending(u => u.Unread).Select(u => new UnreadConversation(u.MentorshipId, u.OtherName, u.Unread)).ToList();

    /// <summary>The last few messages, oldest of them first, for a summary.</summary>
    public async Task<IReadOnlyList<MessageView>> LatestAsync(Guid me, Guid mentorshipId, int count, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is null) return [];
        var rows = await Views(mentorshipId).OrderByDescending(m => m.Number).Take(count).ToListAsync(ct);
        return rows.Select(Render).Reverse().ToList();
    }

    private IQueryable<UnreadRow> Unread(Guid me) =>
        from r in db.Set<ConversationRead>()
        where r.MemberId == me
        join m in db.Mentorships on r.MentorshipId equals m.Id
        select new UnreadRow
        {
            MentorshipId = r.MentorshipId,
            OtherName = db.Users.Where(u => u.Id == (m.MenteeId == me ? m.MentorId : m.MenteeId)).Select(u => u.DisplayName).First(),
            Unread = db.Set<Message>().Count(x => x.MentorshipId == r.MentorshipId && x.Number > r.LastReadNumber && x.AuthorId != me
                && x.DeletedAt == null && x.HiddenAt == null),
        };

    private static Invalid? Validate(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return new Invalid("body", "Write a message first.");
        if (body.Length > Message.BodyMax) return new Invalid("body", $"A message can be at most {Message.BodyMax:N0} characters; this one has {body.Length:N0}.");
        return null;
    }

    /// <summary>
    /// At most one notification per conversation until the member reads it, and none while they are reading
    /// it (read within <see cref="MessageOptions.PresenceWindow"/>): a burst of messages is one e-mail, a live
    /// conversation none. The conditional UPDATE claims the notification, so two messages sent at once on two
    /// nodes cannot both send one. The notification never quotes the message.
    /// </summary>
    private async Task NotifyAsync(MentorshipMembership membership, DateTimeOffset now, CancellationToken ct)
    {
        var away = now - Rules.PresenceWindow;
        var claimed = await db.Set<ConversationRead>()
            .Where(r => r.MentorshipId == membership.MentorshipId && r.MemberId == membership.OtherId && r.NotifiedAt == null
                && (r.ReadAt == null || r.ReadAt < away))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.NotifiedAt, now), ct);
        if (claimed == 0) return;
        await notifier.PublishAsync(membership.OtherId, NotificationKind.NewMessage, $"{membership.MyName} sent you a message",
            $"{membership.MyName} wrote to you in your mentorship on Trellis. Open the conversation to read and answer.",
            PageLink(membership.MentorshipId), ct);
    }

    private Task MarkReadUpToAsync(Guid me, Guid mentorshipId, int number, DateTimeOffset now, CancellationToken ct) =>
        db.Set<ConversationRead>().Where(r => r.MentorshipId == mentorshipId && r.MemberId == me)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.LastReadNumber, r => r.LastReadNumber > number ? r.LastReadNumber : number)
                .SetProperty(r => r.ReadAt, now)
                .SetProperty(r => r.NotifiedAt, (DateTimeOffset?)null), ct);

    /// <summary>The conversation and both members' read markers appear with the first message; if both members
    /// send their first message at the same moment, one insert fails and the other's rows are used.</summary>
    private async Task EnsureConversationAsync(MentorshipMembership membership, CancellationToken ct)
    {
        if (await db.Set<Conversation>().AnyAsync(c => c.MentorshipId == membership.MentorshipId, ct)) return;
        db.Add(new Conversation(membership.MentorshipId));
        db.Add(new ConversationRead(membership.MentorshipId, membership.MenteeId));
        db.Add(new ConversationRead(membership.MentorshipId, membership.MentorId));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Who gets the live update: the two members as of now, minus a suspended or deleted account — read at
    /// every send, so a connection that outlived its member's access gets nothing, on any node.</summary>
    private Task<List<Guid>> RecipientsAsync(MentorshipMembership membership, CancellationToken ct) =>
        db.Users.Where(u => (u.Id == membership.MenteeId || u.Id == membership.MentorId) && u.SuspendedAt == null && u.DeletedAt == null)
            .Select(u => u.Id).ToListAsync(ct);

    private async Task<Result<MessageView>> SaveAndBroadcastAsync(Message message, MentorshipMembership membership, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("This message changed at the same moment; reload and try again.");
        }
        var view = (await ViewAsync(message.MentorshipId, message.Id, ct))!;
        await broadcaster.ChangedAsync(view, await RecipientsAsync(membership, ct));
        return view;
    }

    private async Task<MessageView?> ViewAsync(Guid mentorshipId, Guid messageId, CancellationToken ct)
    {
        var row = await Views(mentorshipId).SingleOrDefaultAsync(m => m.Id == messageId, ct);
        return row is null ? null : Render(row);
    }

    // Classes with initialisers, not positional records: EF can only compose Where/OrderBy over those.
    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid MentorshipId { get; init; }
        public int Number { get; init; }
        public Guid AuthorId { get; init; }
        public string AuthorName { get; init; } = "";
        public string Body { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? EditedAt { get; init; }
        public DateTimeOffset? DeletedAt { get; init; }
        public DateTimeOffset? HiddenAt { get; init; }
        public int Version { get; init; }
    }

    private sealed class UnreadRow
    {
        public Guid MentorshipId { get; init; }
        public string OtherName { get; init; } = "";
        public int Unread { get; init; }
    }

    private IQueryable<Row> Views(Guid mentorshipId) =>
        from m in db.Set<Message>().AsNoTracking()
        where m.MentorshipId == mentorshipId
        join u in db.Users on m.AuthorId equals u.Id
        select new Row
        {
            Id = m.Id,
            MentorshipId = m.MentorshipId,
            Number = m.Number,
            AuthorId = m.AuthorId,
            AuthorName = u.DisplayName,
            Body = m.Body,
            CreatedAt = m.CreatedAt,
            EditedAt = m.EditedAt,
            DeletedAt = m.DeletedAt,
            HiddenAt = m.HiddenAt,
            Version = m.Version,
        };

    private MessageView Render(Row r)
    {
        var state = Message.StateOf(r.DeletedAt, r.HiddenAt);
        var visible = state == MessageState.Visible;
        return new MessageView(r.Id, r.MentorshipId, r.Number, r.AuthorId, r.AuthorName, state,
            visible ? r.Body : null, visible ? Markdown.ToSafeHtml(r.Body) : null, r.CreatedAt, r.EditedAt,
            visible ? r.CreatedAt + Rules.EditWindow : null, r.Version);
    }
}
