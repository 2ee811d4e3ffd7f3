using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trellis.Web.Features.Programmes.Health;

public enum NudgeKind
{
    /// <summary>A coordinator nudged a pair from the health page.</summary>
    Manual,
    /// <summary>Automatic: an active pair with no meeting in N weeks (both members).</summary>
    NoMeeting,
    /// <summary>Automatic: a mentor whose programme proposal has waited over N days.</summary>
    RequestPending,
    /// <summary>Automatic: a mentee enrolled over N days ago and not matched yet.</summary>
    NotMatched,
    /// <summary>Automatic: someone who started enrolling over N days ago and has not finished.</summary>
    EnrolmentUnfinished,
}

/// <summary>
/// One nudge sent, claimed once: the unique key (programme, kind, subject, occurrence) lets exactly one writer
/// through, and the claim commits in the same transaction as the notifications and e-mails it sends (ADR 0031).
/// It is also the nudge log: who was nudged, when, by whom, how many messages went out.
/// </summary>
public sealed class NudgeClaim
{
    public const int OccurrenceMax = 40;

    private NudgeClaim() { }

    public NudgeClaim(Guid programmeId, NudgeKind kind, Guid subjectId, string occurrence, Guid? sentBy, int recipients, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ProgrammeId = programmeId;
        Kind = kind;
        SubjectId = subjectId;
        Occurrence = occurrence;
        SentBy = sentBy;
        Recipients = recipients;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public NudgeKind Kind { get; private set; }

    /// <summary>The mentorship, request or participant the nudge is about.</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>Which occurrence of the condition this nudge answers (for a manual nudge: its UTC day).</summary>
    public string Occurrence { get; private set; } = "";

    /// <summary>The coordinator who sent a manual nudge; null for automatic ones.</summary>
    public Guid? SentBy { get; private set; }

    public int Recipients { get; private set; }
    public DateTimeOffset At { get; private set; }
}

public sealed class NudgeClaimConfiguration : IEntityTypeConfiguration<NudgeClaim>
{
    public void Configure(EntityTypeBuilder<NudgeClaim> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Occurrence).HasMaxLength(NudgeClaim.OccurrenceMax);
        b.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.ProgrammeId, c.Kind, c.SubjectId, c.Occurrence }).IsUnique();
        b.HasIndex(c => new { c.ProgrammeId, c.At });
    }
}
