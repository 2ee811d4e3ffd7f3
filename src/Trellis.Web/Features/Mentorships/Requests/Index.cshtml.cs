using Microsoft.AspNetCore.Authorization;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Mentorships.Requests;

/// <summary>Requests inbox (as mentor), sent requests (as mentee), and mentorships in both roles.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(MentorshipHandlers handlers) : TrellisPageModel
{
    public IReadOnlyList<MentorshipSummary> All { get; private set; } = [];

    public IEnumerable<MentorshipSummary> Inbox => All.Where(s => s.MyRole == Party.Mentor && Mentorship.OpenStatuses.Contains(s.Status));
    public IEnumerable<MentorshipSummary> Sent => All.Where(s => s.MyRole == Party.Mentee && Mentorship.OpenStatuses.Contains(s.Status));
    public IEnumerable<MentorshipSummary> Ongoing => All.Where(s => s.Status is MentorshipStatus.Active or MentorshipStatus.Paused);
    public IEnumerable<MentorshipSummary> Closed => All.Where(s => !Mentorship.OngoingStatuses.Contains(s.Status));

    public async Task OnGetAsync(CancellationToken ct) => All = await handlers.ListAsync(Me, null, ct);
}
