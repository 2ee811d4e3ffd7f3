using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Features.Programmes.MenteeChoice;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>Find a mentor inside a mentee-choice programme: its mentors only, best match first.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class MentorsModel(ProgrammeMentors mentors) : TrellisPageModel
{
    public string Slug { get; private set; } = "";
    public string? Q { get; private set; }
    public ProgrammeMentorResults? Found { get; private set; }
    public string? Unavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? q, [FromQuery(Name = "page")] int pageNumber = 1,
        CancellationToken ct = default)
    {
        (Slug, Q) = (slug, q);
        var result = await mentors.SearchAsync(Me, slug, new MentorQuery { Q = q, Page = pageNumber }, ct);
        if (result.IsSuccess) Found = result.Value;
        else if (result.Error is NotFoundError) return NotFound();
        else if (result.Error is ConflictError conflict) Unavailable = conflict.Detail;
        else AddErrors(result.Error, prefix: "");
        return Page();
    }

    public string AskLink(Guid mentorId) => $"/Mentorships/Ask/{mentorId}?programme={Found!.ProgrammeId}";

    public string PageLink(int page) =>
        $"/Programmes/{Slug}/Mentors?page={page}" + (string.IsNullOrEmpty(Q) ? "" : $"&q={Uri.EscapeDataString(Q)}");
}
