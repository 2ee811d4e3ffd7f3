using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Resources;

/// <summary>Articles and books shared in a mentorship: the mentee's reading list, and forms to share more. The forms
/// bind the API's own request records and check them by their annotations before the handler runs.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(ResourceHandlers handlers) : MentorshipPageModel
{
    public IReadOnlyList<ResourceView> Items { get; private set; } = [];

    [BindProperty] public ShareArticle Article { get; set; } = new(null, null, null);
    [BindProperty] public ShareBook Book { get; set; } = new(null, null, null, null, false);
    [BindProperty] public UpdateReading Reading { get; set; } = new(null, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostArticleAsync(CancellationToken ct) => await ValidAsync(Article, ct, "Article")
        ? await Act(await handlers.ShareArticleAsync(Membership, Article, ct), "The article is shared.", "Article", ct)
        : await ShowAsync(ct);

    public async Task<IActionResult> OnPostBookAsync(CancellationToken ct) => await ValidAsync(Book, ct, "Book")
        ? await Act(await handlers.ShareBookAsync(Membership, Book, ct), "The book is shared.", "Book", ct)
        : await ShowAsync(ct);

    public async Task<IActionResult> OnPostReadingAsync(Guid rid, CancellationToken ct) => await ValidAsync(Reading, ct, "Reading")
        ? await Act(await handlers.UpdateReadingAsync(Membership, rid, Reading, ct), "Your reading list is updated.", "Reading", ct)
        : await ShowAsync(ct);

    private async Task<IActionResult> Act(Result<ResourceView> result, string done, string prefix, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Status"] = done;
            return Redirect($"/Mentorships/{Membership.MentorshipId}/Resources#resource-{result.Value.Id}");
        }
        if (result.Error is NotFoundError) return NotFound();
        AddErrors(result.Error, prefix);
        return await ShowAsync(ct);
    }

    /// <summary>The page again, with the errors in ModelState next to their fields.</summary>
    private async Task<IActionResult> ShowAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!Membership.HasWorkspace) return false;
        Items = await handlers.ListAsync(Membership, ct);
        return true;
    }
}
