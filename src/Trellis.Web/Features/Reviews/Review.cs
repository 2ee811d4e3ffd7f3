using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Infrastructure.Validation;

namespace Trellis.Web.Features.Reviews;

/// <summary>
/// One health check of a mentorship: due at the agreement's review interval, or started on demand. Each
/// member answers privately; it is complete when both have. Every running mentorship has at most one
/// pending (incomplete) review, which a unique index guards (docs/reviews.md).
/// </summary>
public sealed class Review
{
    private readonly List<ReviewAnswer> _answers = [];

    private Review() { }

    private Review(Guid mentorshipId, DateTimeOffset dueAt, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        MentorshipId = mentorshipId;
        DueAt = dueAt;
        CreatedAt = at;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid MentorshipId { get; private set; }
    /// <summary>When it opens for answers (and reminders go out).</summary>
    public DateTimeOffset DueAt { get; private set; }
    /// <summary>Null for a review that came due at the agreed interval.</summary>
    public Guid? StartedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? MenteeRemindedAt { get; private set; }
    public DateTimeOffset? MentorRemindedAt { get; private set; }
    /// <summary>When both members were invited to revise the agreement because of this review.</summary>
    public DateTimeOffset? RevisionInvitedAt { get; private set; }
    public Guid Version { get; private set; }

    public IReadOnlyList<ReviewAnswer> Answers => _answers;

    public bool IsOpen(DateTimeOffset now) => CompletedAt is null && DueAt <= now;
    public ReviewAnswer? AnswerOf(Party party) => _answers.SingleOrDefault(a => a.Party == party);

    /// <summary>A 1–2 or a wish to revise, from either member, invites both to revise the agreement.</summary>
    public bool CallsForRevision => _answers.Any(a => a.Score <= 2 || a.WantsRevision);

    public static Review Schedule(Guid mentorshipId, DateTimeOffset dueAt, DateTimeOffset at) => new(mentorshipId, dueAt, at);

    /// <summary>"Let's check in now": opens the pending review at once.</summary>
    public MentorshipError? StartNow(Guid by, Party party, DateTimeOffset at)
    {
        if (IsOpen(at)) return MentorshipError.WrongState("A review is already open: answer it instead.");
        if (CompletedAt is not null) return MentorshipError.WrongState("This review is complete.");
        DueAt = at;
        StartedBy = by;
        // The member who starts it needs no reminder; the other is told at once by the caller.
        MarkReminded(party, at);
        MarkReminded(Mentorship.Other(party), at);
        Touch();
        return null;
    }

    public MentorshipError? Answer(Party party, ReviewAnswerInput input, DateTimeOffset at)
    {
        if (CompletedAt is not null) return MentorshipError.WrongState("This review is complete; its summary is ready.");
        if (DueAt > at) return MentorshipError.WrongState($"The next review opens on {DueAt:d MMMM yyyy}. Start one now if you'd like to check in earlier.");
        if (AnswerOf(party) is not null) return MentorshipError.WrongState("You have answered this review already.");
        _answers.Add(new ReviewAnswer(Id, party, input, at));
        if (_answers.Count == 2) CompletedAt = at;
        Touch();
        return null;
    }

    /// <summary>The agreed interval changed: a review that is not open yet moves to the new date.</summary>
    public void MoveTo(DateTimeOffset dueAt)
    {
        DueAt = dueAt;
        Touch();
    }

    public bool InviteToRevise(DateTimeOffset at)
    {
        if (!CallsForRevision || RevisionInvitedAt is not null) return false;
        RevisionInvitedAt = at;
        Touch();
        return true;
    }

    private void MarkReminded(Party party, DateTimeOffset at)
    {
        if (party == Party.Mentee) MenteeRemindedAt ??= at;
        else MentorRemindedAt ??= at;
    }

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>One member's private answer. The other member never sees it, only the summary (ReviewSummary).</summary>
public sealed class ReviewAnswer
{
    public const int TextMax = 2000;

    private ReviewAnswer() { }

    internal ReviewAnswer(Guid reviewId, Party party, ReviewAnswerInput input, DateTimeOffset at)
    {
        ReviewId = reviewId;
        Party = party;
        Score = input.Score!.Value;
        GoingWell = (input.GoingWell ?? "").Trim();
        ShouldChange = (input.ShouldChange ?? "").Trim();
        Direction = input.Direction!.Value;
        WantsRevision = input.WantsRevision ?? false;
        AnsweredAt = at;
    }

    public Guid ReviewId { get; private set; }
    public Party Party { get; private set; }
    /// <summary>"Is this working for you?" 1 (not at all) to 5 (very well).</summary>
    public int Score { get; private set; }
    public string GoingWell { get; private set; } = "";
    public string ShouldChange { get; private set; } = "";
    public ReviewDirection Direction { get; private set; }
    public bool WantsRevision { get; private set; }
    public DateTimeOffset AnsweredAt { get; private set; }
}

/// <summary>Where this member would like the mentorship to go from here.</summary>
public enum ReviewDirection
{
    KeepGoing,
    MeetMoreOften,
    MeetLessOften,
    WrapUp,
}

/// <summary>A member's private answer, as the API and the page send it; the rules are its annotations.</summary>
public sealed record ReviewAnswerInput(
    [Needed("This field is required: how well is it working for you, from 1 to 5?"),
     Between(1, 5, ErrorMessage = "Must be between 1 (not at all) and 5 (very well).")] int? Score,
    [MaxChars(ReviewAnswer.TextMax, "Must be at most {0} characters.")] string? GoingWell,
    [MaxChars(ReviewAnswer.TextMax, "Must be at most {0} characters.")] string? ShouldChange,
    [Needed("This field is required: one of KeepGoing, MeetMoreOften, MeetLessOften, WrapUp."), OneOf] ReviewDirection? Direction,
    bool? WantsRevision);

public sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<Mentorship>().WithMany().HasForeignKey(r => r.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
        // One pending review per mentorship, even when several nodes schedule at once.
        b.HasIndex(r => r.MentorshipId).IsUnique().HasFilter("\"CompletedAt\" IS NULL").HasDatabaseName("IX_Reviews_MentorshipId_Pending");
        b.HasIndex(r => new { r.MentorshipId, r.CompletedAt });
        b.HasIndex(r => new { r.CompletedAt, r.DueAt });
    }
}

public sealed class ReviewAnswerConfiguration : IEntityTypeConfiguration<ReviewAnswer>
{
    public void Configure(EntityTypeBuilder<ReviewAnswer> b)
    {
        b.ToTable("ReviewAnswers");
        b.HasKey(a => new { a.ReviewId, a.Party });
        b.Property(a => a.GoingWell).HasMaxLength(ReviewAnswer.TextMax);
        b.Property(a => a.ShouldChange).HasMaxLength(ReviewAnswer.TextMax);
    }
}
