using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Resources;

/// <summary>Shared articles and books and the mentee's reading list, for the API and the pages. Every call
/// starts from <see cref="MentorshipAccess.FindAsync"/>; an item is found by its id and the mentorship's.</summary>
public sealed class ResourceHandlers(TrellisDbContext db, TimeProvider time, MentorshipAccess access, Notifier notifier)
{
    private static string PagePath(Guid mentorshipId) => $"/Mentorships/{mentorshipId}/Resources";

    public async Task<Result<IReadOnlyList<ResourceView>>> ListAsync(Guid me, Guid mentorshipId, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is null) return new NotFoundError("No such mentorship.");
        var rows = await db.Set<Resource>().AsNoTracking().Where(r => r.MentorshipId == mentorshipId)
            .OrderByDescending(r => r.SharedAt)
            .Select(r => new { Resource = r, Name = db.Users.Where(u => u.Id == r.SharedBy).Select(u => u.DisplayName).First() })
            .ToListAsync(ct);
        return rows.Select(r => ToView(r.Resource, r.Name)).ToList();
    }

    public async Task<Result<ResourceView>> ShareArticleAsync(Guid me, Guid mentorshipId, ShareArticle input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (url, urlError) = WebLink.Check(input.Url);
        if (urlError is not null) errors["url"] = [urlError];
        var title = Required(errors, "title", input.Title, Resource.TitleMax);
        var note = Optional(errors, "note", input.Note, Resource.NoteMax);
        return await ShareAsync(me, mentorshipId, errors, m => Resource.Article(mentorshipId, me, url!, title, note, time.GetUtcNow()), "an article", ct);
    }

    public async Task<Result<ResourceView>> ShareBookAsync(Guid me, Guid mentorshipId, ShareBook input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var title = Required(errors, "title", input.Title, Resource.TitleMax);
        var author = Required(errors, "author", input.Author, Resource.AuthorMax);
        string? isbn = null;
        if (!string.IsNullOrWhiteSpace(input.Isbn) && (isbn = Isbn.Normalise(input.Isbn)) is null)
            errors["isbn"] = ["This is not a valid ISBN: check the digits (ISBN-10 or ISBN-13, hyphens allowed)."];
        var note = Optional(errors, "note", input.Note, Resource.NoteMax);
        return await ShareAsync(me, mentorshipId, errors, m => Resource.Book(mentorshipId, me, title, author, isbn, note, input.SendingCopy, time.GetUtcNow()),
            input.SendingCopy ? "a book (and is sending a copy)" : "a book", ct);
    }

    private async Task<Result<ResourceView>> ShareAsync(Guid me, Guid mentorshipId, Dictionary<string, string[]> errors,
        Func<MentorshipMembership, Resource> create, string what, CancellationToken ct)
    {
        var membership = await access.FindAsync(me, mentorshipId, ct);
        if (membership is null) return new NotFoundError("No such mentorship.");
        if (membership.RequireActive("share a resource") is { } inactive) return inactive;
        if (errors.Count > 0) return new Invalid(errors);

        var resource = create(membership);
        db.Add(resource);
        db.AddTimeline(mentorshipId, resource.SharedAt, me, "resource", $"{membership.MyName} shared {what}.", PagePath(mentorshipId));
        await notifier.PublishAsync(membership.OtherId, NotificationKind.ResourceShared, $"{membership.MyName} shared {what} with you",
            $"{membership.MyName} shared {what} in your mentorship.", PagePath(mentorshipId), ct);
        await db.SaveChangesAsync(ct);
        return ToView(resource, membership.MyName);
    }

    public async Task<Result<ResourceView>> UpdateReadingAsync(Guid me, Guid mentorshipId, Guid id, UpdateReading input, CancellationToken ct)
    {
        var membership = await access.FindAsync(me, mentorshipId, ct);
        if (membership is null) return new NotFoundError("No such mentorship.");
        var resource = await db.Set<Resource>().SingleOrDefaultAsync(r => r.Id == id && r.MentorshipId == mentorshipId, ct);
        if (resource is null) return new NotFoundError("No such resource.");

        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<ReadingStatus>(input.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status) || int.TryParse(input.Status, out _))
            errors["status"] = ["Choose ToRead, Reading or Done."];
        var reflection = Optional(errors, "reflection", input.Reflection, Resource.ReflectionMax);
        if (errors.Count > 0) return new Invalid(errors);
        var now = time.GetUtcNow();
        var before = resource.Status;
        if (resource.UpdateReading(membership.IsMentee, status, reflection, now) is { } refused) return refused;
        if (before != status && status == ReadingStatus.Done)
            db.AddTimeline(mentorshipId, now, me, "resource", $"{membership.MyName} finished reading something the two of you shared.", PagePath(mentorshipId));
        await db.SaveChangesAsync(ct);
        var sharedBy = await db.Users.Where(u => u.Id == resource.SharedBy).Select(u => u.DisplayName).SingleAsync(ct);
        return ToView(resource, sharedBy);
    }

    private static string Required(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) errors[field] = ["This field is required."];
        else if (text.Length > max) errors[field] = [$"This can be at most {max:N0} characters."];
        return text;
    }

    private static string Optional(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        var text = value?.Trim() ?? "";
        if (text.Length > max) errors[field] = [$"This can be at most {max:N0} characters."];
        return text;
    }

    private static ResourceView ToView(Resource r, string sharedByName) => new(r.Id, r.Kind, r.Title, r.Url, r.Author, r.Isbn, r.SendingCopy, r.Note,
        r.SharedBy, sharedByName, r.SharedAt, r.Status, r.Reflection, r.UpdatedAt);
}
