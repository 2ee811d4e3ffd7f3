using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Resources;

/// <summary>Articles and books shared in a mentorship: the mentee's reading list, and forms to share more.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(MentorshipAccess access, ResourceHandlers handlers) : TrellisPageModel
{
    public MentorshipMembership? Membership { get; private set; }
    public IReadOnlyList<ResourceView> Items { get; private set; } = [];

    [BindProperty] public ArticleForm Article { get; set; } = new();
    [BindProperty] public BookForm Book { get; set; } = new();
    [BindProperty] public ReadingForm Reading { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostArticleAsync(Guid id, CancellationToken ct) =>
        Act(id, handlers.ShareArticleAsync(Me, id, new ShareArticle(Article.Url, Article.Title, Article.Note), ct), "The article is shared.", "Article", ct);

    public Task<IActionResult> OnPostBookAsync(Guid id, CancellationToken ct) =>
        Act(id, handlers.ShareBookAsync(Me, id, new ShareBook(Book.Title, Book.Author, Book.Isbn, Book.Note, Book.SendingCopy), ct), "The book is shared.", "Book", ct);

    public Task<IActionResult> OnPostReadingAsync(Guid id, Guid rid, CancellationToken ct) =>
        Act(id, handlers.UpdateReadingAsync(Me, id, rid, new UpdateReading(Reading.Status, Reading.Reflection), ct), "Your reading list is updated.", "Reading", ct);

    private async Task<IActionResult> Act(Guid id, Task<Result<ResourceView>> action, string done, string prefix, CancellationToken ct)
    {
        var result = await action;
        if (result.IsSuccess)
        {
            TempData["Status"] = done;
            return Redirect($"/Mentorships/{id}/Resources#resource-{result.Value.Id}");
        }
        if (result.Error is NotFoundError) return NotFound();
        AddErrors(result.Error, prefix);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Membership = await access.FindAsync(Me, id, ct);
        if (Membership is not { HasWorkspace: true }) return false;
        Items = (await handlers.ListAsync(Me, id, ct)).Value ?? [];
        return true;
    }

    public sealed class ArticleForm
    {
        public string? Url { get; set; }
        public string? Title { get; set; }
        public string? Note { get; set; }
    }

    public sealed class BookForm
    {
        public string? Title { get; set; }
        public string? Author { get; set; }
        public string? Isbn { get; set; }
        public string? Note { get; set; }
        public bool SendingCopy { get; set; }
    }

    public sealed class ReadingForm
    {
        public string? Status { get; set; }
        public string? Reflection { get; set; }
    }
}
