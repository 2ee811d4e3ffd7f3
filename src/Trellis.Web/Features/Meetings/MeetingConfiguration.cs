using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Mentorships;

namespace Trellis.Web.Features.Meetings;

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.HasOne<Mentorship>().WithMany().HasForeignKey(m => m.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        b.Property(m => m.TimeZone).HasMaxLength(64);
        b.Property(m => m.CancellationNote).HasMaxLength(Meeting.NoteMax);
        b.Property(m => m.CallDetails).HasMaxLength(CallDetails.MaxLength);
        b.Property(m => m.Uid).HasMaxLength(100);
        b.HasIndex(m => m.Uid).IsUnique();
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => new { m.MentorshipId, m.StartsAt });
        b.HasIndex(m => new { m.Status, m.StartsAt });
        b.Ignore(m => m.EndsAt);
    }
}

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.Text).HasMaxLength(AgendaItem.TextMax);
        b.HasIndex(a => new { a.MeetingId, a.CreatedAt });
    }
}

public sealed class MeetingNoteConfiguration : IEntityTypeConfiguration<MeetingNote>
{
    public void Configure(EntityTypeBuilder<MeetingNote> b)
    {
        b.HasKey(n => n.Id);
        b.Property(n => n.Id).ValueGeneratedNever();
        b.HasOne<Meeting>().WithMany().HasForeignKey(n => n.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.Property(n => n.Text).HasMaxLength(MeetingNote.TextMax);
        b.HasIndex(n => new { n.MeetingId, n.CreatedAt });
    }
}

public sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.Text).HasMaxLength(ActionItem.TextMax);
        b.HasIndex(a => new { a.MeetingId, a.CreatedAt });
    }
}

public sealed class MeetingReminderPreferenceConfiguration : IEntityTypeConfiguration<MeetingReminderPreference>
{
    public void Configure(EntityTypeBuilder<MeetingReminderPreference> b)
    {
        b.HasKey(p => p.MemberId);
        b.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.HasKey(f => f.MemberId);
        b.HasOne<Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.TokenHash).HasMaxLength(64);
        b.HasIndex(f => f.TokenHash).IsUnique();
    }
}
