using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Files;

namespace Trellis.Web.Features.Critiques;

/// <summary>The mentorship's requests for critique, and the mentee's form to send a piece of work.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(MentorshipAccess access, CritiqueHandlers handlers, IOptions<FileStoreOptions> files) : TrellisPageModel
{
    public MentorshipMembership? Membership { get; private set; }
    public IReadOnlyList<CritiqueSummary> Critiques { get; private set; } = [];
    public string MaxSize => files.Value.Describe();

    [BindProperty] public SubmitForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await using var content = Input.File?.OpenReadStream();
        var file = Input.File is { } f ? new WorkFile(content!, f.Length, f.FileName) : null;
        var result = await handlers.SubmitAsync(Me, id, new SubmitCritique(Input.Title, Input.FeedbackWanted, Input.DueDate, Input.Link, file), ct);
        if (result.IsSuccess)
        {
            TempData["Status"] = "Your work is sent for critique.";
            return Redirect($"/Mentorships/{id}/Critiques/{result.Value.Id}");
        }
        if (result.Error is Trellis.Web.Domain.NotFoundError) return NotFound();
        AddErrors(result.Error);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Membership = await access.FindAsync(Me, id, ct);
        if (Membership is not { HasWorkspace: true }) return false;
        Critiques = (await handlers.ListAsync(Me, id, ct)).Value ?? [];
        return true;
    }

    public sealed class SubmitForm
    {
        public string? Title { get; set; }
        public string? FeedbackWanted { get; set; }
        public string? DueDate { get; set; }
        public string? Link { get; set; }
        public IFormFile? File { get; set; }
    }
}
