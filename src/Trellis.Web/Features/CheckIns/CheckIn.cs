using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Workspace;

namespace Trellis.Web.Features.CheckIns;

/// <summary>How soon the mentee needs the mentor's guidance.</summary>
public enum CheckInUrgency
{
    [Description("can wait for the next meeting")]
    CanWaitForNextMeeting,
    ThisWeek,
    Today,
}

public enum CheckInStatus
{
    Open,
    Answered,
    Resolved,
}

/// <summary>
/// The seed's "when I was facing a challenge, I'd check in with him for a little guidance": the mentee asks,
/// the mentor answers, the mentee says it is resolved. Still stuck after the answer? A new check-in, so that
/// every question has one answer and one deadline (docs/checkins-and-goals.md).
/// </summary>
public sealed class CheckIn
{
    public const int TextMax = 4000;

    private CheckIn() { }

    private CheckIn(Guid mentorshipId, string text, CheckInUrgency urgency, DateTimeOffset at, DateTimeOffset? answerDueAt)
    {
        Id = Guid.CreateVersion7(at);
        MentorshipId = mentorshipId;
        Text = text;
        Urgency = urgency;
        CreatedAt = at;
        AnswerDueAt = answerDueAt;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid MentorshipId { get; private set; }
    public string Text { get; private set; } = "";
    public CheckInUrgency Urgency { get; private set; }
    public CheckInStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>When the answer is expected (<see cref="AnswerDue"/>); null when it can wait for the next meeting.</summary>
    public DateTimeOffset? AnswerDueAt { get; private set; }
    public string? Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public Guid Version { get; private set; }

    public bool IsOverdue(DateTimeOffset now) => Status == CheckInStatus.Open && AnswerDueAt < now;

    /// <summary>
    /// "Today" means within 24 hours of asking, whatever the mentor's time zone (the end of the mentor's day
    /// could be minutes away). "This week" means the agreement's expected answer time, but at most seven days.
    /// "Can wait for our next meeting" has no deadline of its own and is never overdue.
    /// </summary>
    public static DateTimeOffset? AnswerDue(CheckInUrgency urgency, int responseWithinDays, DateTimeOffset at) => urgency switch
    {
        CheckInUrgency.Today => at.AddHours(24),
        CheckInUrgency.ThisWeek => at.AddDays(Math.Min(responseWithinDays, 7)),
        _ => null,
    };

    /// <summary>The text and urgency come checked by <see cref="RaiseCheckIn"/>'s rules.</summary>
    public static Result<CheckIn> Raise(MentorshipMembership membership, string text, CheckInUrgency urgency, DateTimeOffset at)
    {
        if (!membership.IsMentee) return new ConflictError("Only the mentee raises check-ins; use messages to reach your mentee.");
        if (membership.RequireActive("raise a check-in") is { } inactive) return inactive;
        var responseDays = membership.InForce?.ResponseWithinDays ?? 7;
        return new CheckIn(membership.MentorshipId, text.Trim(), urgency, at, AnswerDue(urgency, responseDays, at));
    }

    /// <summary>The text comes checked by <see cref="AnswerCheckIn"/>'s rules.</summary>
    public Error? AnswerWith(MentorshipMembership membership, string text, DateTimeOffset at)
    {
        if (!membership.IsMentor) return new ConflictError("Only the mentor answers a check-in.");
        if (membership.RequireActive("answer a check-in") is { } inactive) return inactive;
        if (Status != CheckInStatus.Open) return new ConflictError("This check-in has been answered already.");
        Answer = text.Trim();
        AnsweredAt = at;
        Status = CheckInStatus.Answered;
        Version = Guid.NewGuid();
        return null;
    }

    /// <summary>The mentee may resolve it before an answer too (they found their way), and in a paused mentorship (tidying up).</summary>
    public Error? Resolve(MentorshipMembership membership, DateTimeOffset at)
    {
        if (!membership.IsMentee) return new ConflictError("Only the mentee marks a check-in resolved.");
        if (Status == CheckInStatus.Resolved) return new ConflictError("This check-in is resolved already.");
        Status = CheckInStatus.Resolved;
        ResolvedAt = at;
        Version = Guid.NewGuid();
        return null;
    }
}

public sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.HasOne<Mentorship>().WithMany().HasForeignKey(c => c.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.Text).HasMaxLength(CheckIn.TextMax);
        b.Property(c => c.Answer).HasMaxLength(CheckIn.TextMax);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.MentorshipId, c.Status });
    }
}
