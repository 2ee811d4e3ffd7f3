using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Mentorships.Workspace;

/// <summary>
/// One line in a mentorship's timeline ("Maria proposed a meeting on 3 March", "Tom shared a book"). Both
/// members see every entry, so the text never quotes private content: it says what happened, not what
/// was written. Each feature adds its entries in the same unit of work as the change.
/// </summary>
public sealed class TimelineEntry
{
    public const int TextMax = 300;

    private TimelineEntry() { }

    public TimelineEntry(Guid mentorshipId, DateTimeOffset at, Guid? actorId, string kind, string text, string? link)
    {
        Id = Guid.CreateVersion7(at);
        MentorshipId = mentorshipId;
        At = at;
        ActorId = actorId;
        Kind = kind;
        Text = text.Length <= TextMax ? text : text[..(TextMax - 1)] + "…";
        Link = link;
    }

    public Guid Id { get; private set; }
    public Guid MentorshipId { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>Null when Trellis itself did it (a reminder, an automatic completion).</summary>
    public Guid? ActorId { get; private set; }
    /// <summary>The feature's word for it: "meeting", "message", "critique", "resource", "check-in", "goal", "review", "agreement", "status".</summary>
    public string Kind { get; private set; } = "";
    public string Text { get; private set; } = "";
    /// <summary>A path inside Trellis.</summary>
    public string? Link { get; private set; }
}

public sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.HasOne<Mentorship>().WithMany().HasForeignKey(e => e.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        b.Property(e => e.Kind).HasMaxLength(40);
        b.Property(e => e.Text).HasMaxLength(TimelineEntry.TextMax);
        b.Property(e => e.Link).HasMaxLength(300);
        b.HasIndex(e => new { e.MentorshipId, e.At });
    }
}

public static class Timeline
{
    /// <summary>Adds an entry to the unit of work; the caller's SaveChanges writes it with the change.</summary>
    public static void AddTimeline(this TrellisDbContext db, Guid mentorshipId, DateTimeOffset at, Guid? actorId, string kind, string text, string? link = null) =>
        db.Set<TimelineEntry>().Add(new TimelineEntry(mentorshipId, at, actorId, kind, text, link));
}
