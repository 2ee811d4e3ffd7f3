using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;
using Trellis.Web.Infrastructure.Validation;

namespace Trellis.Web.Features.Resources;

/// <summary>Shared articles and books and the mentee's reading list, for the API and the pages. Every call works
/// inside a <see cref="MentorshipMembership"/> (the caller is one of its two members), requests come checked against
/// their own annotations, and an item is found by its id and the mentorship's.</summary>
public sealed class ResourceHandlers(TrellisDbContext db, TimeProvider time, Notifier notifier)
{
    private static string PagePath(Guid mentorshipId) => $"/Mentorships/{mentorshipId}/Resources";

    public async Task<IReadOnlyList<ResourceView>> ListAsync(MentorshipMembership membership, CancellationToken ct)
    {
        var rows = await db.Set<Resource>().AsNoTracking().Where(r => r.MentorshipId == membership.MentorshipId)
            .OrderByDescending(r => r.SharedAt)
            .Select(r => new { Resource = r, Name = db.Users.Where(u => u.Id == r.SharedBy).Select(u => u.DisplayName).First() })
            .ToListAsync(ct);
        return rows.Select(r => ToView(r.Resource, r.Name)).ToList();
    }

    public Task<Result<ResourceView>> ShareArticleAsync(MentorshipMembership membership, ShareArticle input, CancellationToken ct) =>
        ShareAsync(membership, now => Resource.Article(membership.MentorshipId, membership.Me, WebLink.Check(input.Url).Link!,
            input.Title!.Trim(), Text(input.Note), now), "an article", ct);

    public Task<Result<ResourceView>> ShareBookAsync(MentorshipMembership membership, ShareBook input, CancellationToken ct) =>
        ShareAsync(membership, now => Resource.Book(membership.MentorshipId, membership.Me, input.Title!.Trim(), input.Author!.Trim(),
                Isbn.Normalise(input.Isbn), Text(input.Note), input.SendingCopy, now),
            input.SendingCopy ? "a book (and is sending a copy)" : "a book", ct);

    private async Task<Result<ResourceView>> ShareAsync(MentorshipMembership membership, Func<DateTimeOffset, Resource> create,
        string what, CancellationToken ct)
    {
        if (membership.RequireActive("share a resource") is { } inactive) return inactive;
        var (me, mentorshipId) = (membership.Me, membership.MentorshipId);
        var resource = create(time.GetUtcNow());
        db.Add(resource);
        db.AddTimeline(mentorshipId, resource.SharedAt, me, "resource", $"{membership.MyName} shared {what}.", PagePath(mentorshipId));
        await notifier.PublishAsync(membership.OtherId, NotificationKind.ResourceShared, $"{membership.MyName} shared {what} with you",
            $"{membership.MyName} shared {what} in your mentorship.", PagePath(mentorshipId), ct);
        await db.SaveChangesAsync(ct);
        return ToView(resource, membership.MyName);
    }

    public async Task<Result<ResourceView>> UpdateReadingAsync(MentorshipMembership membership, Guid id, UpdateReading input, CancellationToken ct)
    {
        var (me, mentorshipId) = (membership.Me, membership.MentorshipId);
        var resource = await db.Set<Resource>().SingleOrDefaultAsync(r => r.Id == id && r.MentorshipId == mentorshipId, ct);
        if (resource is null) return new NotFoundError("No such resource.");

        var status = NameOfAttribute.Parse<ReadingStatus>(input.Status!);
        var now = time.GetUtcNow();
        var before = resource.Status;
        if (resource.UpdateReading(membership.IsMentee, status, Text(input.Reflection), now) is { } refused) return refused;
        if (before != status && status == ReadingStatus.Done)
            db.AddTimeline(mentorshipId, now, me, "resource", $"{membership.MyName} finished reading something the two of you shared.", PagePath(mentorshipId));
        await db.SaveChangesAsync(ct);
        var sharedBy = await db.Users.Where(u => u.Id == resource.SharedBy).Select(u => u.DisplayName).SingleAsync(ct);
        return ToView(resource, sharedBy);
    }

    private static string Text(string? value) => value?.Trim() ?? "";

    private static ResourceView ToView(Resource r, string sharedByName) => new(r.Id, r.Kind, r.Title, r.Url, r.Author, r.Isbn, r.SendingCopy, r.Note,
        r.SharedBy, sharedByName, r.SharedAt, r.Status, r.Reflection, r.UpdatedAt);
}
