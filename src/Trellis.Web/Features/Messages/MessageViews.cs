using System.Text;

namespace Trellis.Web.Features.Messages;

/// <summary>A message as both members see it. Body and BodyHtml are null once it is deleted or hidden;
/// BodyHtml is the sanitised rendering of the Markdown body. EditableUntil is null when it can no longer change.</summary>
public sealed record MessageView(
    Guid Id, Guid MentorshipId, int Number, Guid AuthorId, string AuthorName, MessageState State,
    string? Body, string? BodyHtml, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, DateTimeOffset? EditableUntil, int Version);

/// <summary>Newest first. <see cref="Next"/> is the cursor for the older messages (?before=), null at the start of the conversation.</summary>
public sealed record MessagePage(IReadOnlyList<MessageView> Items, string? Next, int Unread);

public sealed record PostMessageRequest(string? Body);

public sealed record EditMessageRequest(string? Body, int? Version);

/// <summary>How many unread messages a member has in one of their conversations.</summary>
public sealed record UnreadConversation(Guid MentorshipId, string OtherName, int Unread);

/// <summary>The paging cursor: opaque to clients, a message number inside.</summary>
public static class MessageCursor
{
    private const string Prefix = "msg:";

    public static string For(int number) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(Prefix + number)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static Result<int?> Parse(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return (int?)null;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(base64));
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(text.AsSpan(Prefix.Length), System.Globalization.NumberStyles.None, null, out var n) && n > 0)
                return (int?)n;
        }
        catch (FormatException) { }
        return new Invalid("before", "This is not a cursor Trellis gave out; use the value of \"next\" from the previous page.");
    }
}
