using Microsoft.AspNetCore.Authorization;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Dashboard;

/// <summary>A member's two dashboards in one: what they are as a mentee and as a mentor.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(ProfileHandlers profiles, NotificationCentre centre, MentorshipHandlers mentorships, MentorSearch mentors) : TrellisPageModel
{
    public ProfileView? Profile { get; private set; }
    public NotificationPage Notifications { get; private set; } = new(0, []);
    public IReadOnlyList<MentorResult> Recommended { get; private set; } = [];
    public IReadOnlyList<MentorshipSummary> Mentorships { get; private set; } = [];
    public IEnumerable<MentorshipSummary> OpenAs(Party role) =>
        Mentorships.Where(m => m.MyRole == role && Mentorship.OpenStatuses.Contains(m.Status));
    public IEnumerable<MentorshipSummary> ActiveAs(Party role) =>
        Mentorships.Where(m => m.MyRole == role && m.Status is MentorshipStatus.Active or MentorshipStatus.Paused);
    public bool ProfileStarted => Profile is { } p && (p.Headline.Length > 0 || p.Field.Length > 0 || p.Bio.Length > 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Profile = await profiles.GetOwnAsync(Me, ct);
        Notifications = await centre.ListAsync(Me, 5, ct);
        Mentorships = await mentorships.ListAsync(Me, null, ct);
        if (Profile.AsMentee?.SeekingMentor == true) Recommended = await mentors.RecommendAsync(Me, 5, ct);
    }
}
