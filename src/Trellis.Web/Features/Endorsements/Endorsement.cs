using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Workspace;

namespace Trellis.Web.Features.Endorsements;

/// <summary>
/// What a mentee writes about their mentor after working together. The mentor decides whether it is shown
/// on their profile; either of them can withdraw it at any time, which deletes it. One per mentorship.
/// </summary>
public sealed class Endorsement
{
    public const int TextMax = 2000;
    public const int MonthsActiveFirst = 3;

    private Endorsement() { }

    private Endorsement(Guid mentorshipId, Guid menteeId, Guid mentorId, string text, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        MentorshipId = mentorshipId;
        MenteeId = menteeId;
        MentorId = mentorId;
        Text = text;
        WrittenAt = at;
    }

    public Guid Id { get; private set; }
    public Guid MentorshipId { get; private set; }
    public Guid MenteeId { get; private set; }
    public Guid MentorId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset WrittenAt { get; private set; }
    /// <summary>Set while the mentor shows it on their profile.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }
    /// <summary>Hidden by an administrator after a report; never shown again on the profile.</summary>
    public DateTimeOffset? HiddenAt { get; private set; }

    public bool IsPublic => PublishedAt is not null && HiddenAt is null;

    /// <summary>The mentee of a mentorship that completed, or that was under way for at least three months
    /// (still running, paused, or ended after that). Returns the endorsement, or why not.</summary>
    public static (Endorsement? Endorsement, string? Refusal) Write(MentorshipMembership m, DateTimeOffset? closedAt, string text, DateTimeOffset at)
    {
        if (!m.IsMentee) return (null, "Only the mentee writes an endorsement of their mentor.");
        if (m.ActivatedAt is not { } activated || m.InForce is null)
            return (null, "You can endorse a mentor once you have worked together; this request never became a mentorship.");
        var earliest = activated.AddMonths(MonthsActiveFirst);
        var ok = m.Status switch
        {
            MentorshipStatus.Completed => true,
            MentorshipStatus.Active or MentorshipStatus.Paused => earliest <= at,
            MentorshipStatus.Ended => earliest <= (closedAt ?? at),
            _ => false,
        };
        if (ok) return (new Endorsement(m.MentorshipId, m.MenteeId, m.MentorId, text, at), null);
        return (null, m.Status is MentorshipStatus.Active or MentorshipStatus.Paused
            ? $"It is a little early: you can endorse {m.MentorName} once the mentorship completes, or from {earliest:d MMMM yyyy} (three months after it started)."
            : "This mentorship ended within its first three months; an endorsement is for a mentorship that completed or lasted at least three months.");
    }

    public void Publish(DateTimeOffset at) => PublishedAt ??= at;
    public void Unpublish() => PublishedAt = null;
    public void Hide(DateTimeOffset at) => HiddenAt ??= at;
}

public sealed class EndorsementConfiguration : IEntityTypeConfiguration<Endorsement>
{
    public void Configure(EntityTypeBuilder<Endorsement> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.HasOne<Mentorship>().WithMany().HasForeignKey(e => e.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        b.Property(e => e.Text).HasMaxLength(Endorsement.TextMax);
        b.HasIndex(e => e.MentorshipId).IsUnique();
        b.HasIndex(e => new { e.MentorId, e.PublishedAt });
        b.Ignore(e => e.IsPublic);
    }
}
