using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Profiles;

/// <summary>Anyone may ask; <see cref="ProfileHandlers.ViewAsync"/> answers 404 unless the profile's visibility allows it.</summary>
[AllowAnonymous]
public sealed class MemberModel(ProfileHandlers handlers, Trellis.Web.Features.FindMentor.MentorSearch mentors) : PageModel
{
    public ProfileView? Profile { get; private set; }

    /// <summary>For a signed-in member looking at a mentor: how well this mentor suits them, and why.</summary>
    public Trellis.Matching.Scoring.CompatibilityScore? Match { get; private set; }
    public bool IsMe => User.MemberIdOrNull() == Profile?.MemberId;
    /// <summary>"Ask to be my mentor" is offered to anyone but the mentor themself; signing in comes first.</summary>
    public bool CanAsk => Profile is { AsMentor.OpenToMentoring: true } p && User.MemberIdOrNull() != p.MemberId;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await handlers.ViewAsync(User.MemberIdOrNull(), id, ct);
        if (!result.IsSuccess) return NotFound();
        Profile = result.Value;
        if (User.MemberIdOrNull() is { } me && Profile.AsMentor?.OpenToMentoring == true)
            Match = await mentors.ExplainAsync(me, id, ct);
        return Page();
    }
}
