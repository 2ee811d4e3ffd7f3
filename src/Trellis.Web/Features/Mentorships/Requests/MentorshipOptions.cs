namespace Trellis.Web.Features.Mentorships.Requests;

/// <summary>The "Mentorships" configuration section.</summary>
public sealed class MentorshipOptions
{
    /// <summary>Requests a mentee may have waiting at once, so nobody sprays every mentor at the same time.</summary>
    public int MaxOpenRequests { get; set; } = 5;

    /// <summary>Active (or paused) mentors a mentee may have; 0 means no limit.</summary>
    public int MaxActiveMentors { get; set; } = 3;

    /// <summary>Days after a decline or withdrawal before the same mentee may ask the same mentor again.</summary>
    public int CooldownDays { get; set; } = 30;

    public int ExpireAfterDays { get; set; } = 14;

    public int RemindDaysBeforeExpiry { get; set; } = 3;

    public Deadline DeadlineFrom(DateTimeOffset at) =>
        new(at.AddDays(ExpireAfterDays), at.AddDays(Math.Max(0, ExpireAfterDays - RemindDaysBeforeExpiry)));
}
