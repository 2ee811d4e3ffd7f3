namespace Trellis.Web.Features.Messages;

/// <summary>Configuration section "Messages".</summary>
public sealed class MessageOptions
{
    public const string SectionName = "Messages";

    /// <summary>How long after sending its author may still edit a message.</summary>
    public TimeSpan EditWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>No new-message notification for a member who read the conversation this recently: they are in it,
    /// and the message reaches them live.</summary>
    public TimeSpan PresenceWindow { get; set; } = TimeSpan.FromMinutes(2);
}
