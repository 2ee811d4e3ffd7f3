using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Programmes;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Validation;

namespace Trellis.Web.Features.Guides;

/// <summary>Reading and writing guides, for the API and the pages. Requests come checked against their own
/// annotations; who may read or write is <see cref="GuideAccess"/>.</summary>
public sealed class GuideHandlers(TrellisDbContext db, GuideAccess access, ProgrammeAccess programmes, TimeProvider time)
{
    public async Task<IReadOnlyList<GuideSummary>> ListAsync(Guid? viewer, CancellationToken ct) =>
        await access.Readable(viewer).AsNoTracking()
            .OrderBy(g => g.ProgrammeId != null).ThenBy(g => g.CreatedAt)
            .Select(g => new GuideSummary(g.Id, g.Slug, g.Title, g.Visibility, g.ProgrammeId,
                db.Programmes.Where(p => p.Id == g.ProgrammeId).Select(p => p.Name).FirstOrDefault(), g.UpdatedAt))
            .ToListAsync(ct);

    public async Task<Result<GuideView>> GetAsync(Guid? viewer, Guid id, CancellationToken ct) =>
        await ViewAsync(viewer, access.Readable(viewer).Where(g => g.Id == id), ct) is { } view ? view : NotFound;

    public async Task<Result<GuideView>> GetBySlugAsync(Guid? viewer, string slug, CancellationToken ct)
    {
        var s = slug.ToLowerInvariant();
        return await ViewAsync(viewer, access.Readable(viewer).Where(g => g.Slug == s), ct) is { } view ? view : NotFound;
    }

    public async Task<GuidePlaces> PlacesAsync(Guid me, CancellationToken ct) => new(
        await access.IsAdministratorAsync(me, ct),
        await programmes.Coordinated(me).AsNoTracking().Where(p => p.ArchivedAt == null).OrderBy(p => p.Name)
            .Select(p => new ProgrammePlace(p.Id, p.Name)).ToListAsync(ct));

    public async Task<Result<GuideView>> CreateAsync(Guid me, WriteGuide input, CancellationToken ct)
    {
        var visibility = NameOfAttribute.Parse<GuideVisibility>(input.Visibility!);
        if (input.ProgrammeId is { } programmeId)
        {
            if (await programmes.FindAsync(me, programmeId, ct) is null)
                return new NotFoundError("There is no such programme, or you do not coordinate it.");
        }
        else if (visibility == GuideVisibility.ProgrammeOnly)
            return new Invalid("programmeId", "Choose the programme whose participants may read it.");
        else if (!await access.IsAdministratorAsync(me, ct))
            return new ForbiddenError("Only site administrators write site-wide guides; choose a programme you coordinate.");

        var title = input.Title!.Trim();
        var guide = new Guide(await FreeSlugAsync(title, ct), title, input.Body!.Trim(), me, visibility, input.ProgrammeId, time.GetUtcNow());
        db.Guides.Add(guide);
        if (await db.SaveOrConflictAsync("Another guide took this address at the same moment; save again.", ct) is { } lost) return lost;
        return (await GetAsync(me, guide.Id, ct)).Value!;
    }

    public async Task<Result<GuideView>> EditAsync(Guid me, Guid id, EditGuide input, CancellationToken ct)
    {
        var guide = await (await access.WritableAsync(me, ct)).SingleOrDefaultAsync(g => g.Id == id, ct);
        if (guide is null) return NotFound;
        if (guide.Version != input.Version) return new ConflictError(GuideWords.Stale);
        db.Entry(guide).Property(g => g.Version).OriginalValue = input.Version!.Value;
        var visibility = NameOfAttribute.Parse<GuideVisibility>(input.Visibility!);
        if (guide.Edit(input.Title!.Trim(), input.Body!.Trim(), visibility, time.GetUtcNow()) is { } refused) return refused.ToError();
        if (await db.SaveOrConflictAsync(GuideWords.Stale, ct) is { } lost) return lost;
        return (await GetAsync(me, id, ct)).Value!;
    }

    private static NotFoundError NotFound => new(GuideWords.NoSuchGuide);

    private async Task<GuideView?> ViewAsync(Guid? viewer, IQueryable<Guide> query, CancellationToken ct)
    {
        var row = await query.AsNoTracking().Select(g => new
        {
            Guide = g,
            Programme = db.Programmes.Where(p => p.Id == g.ProgrammeId).Select(p => p.Name).FirstOrDefault(),
            Author = db.Users.Where(u => u.Id == g.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
        }).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var g = row.Guide;
        var canEdit = viewer is { } me && await (await access.WritableAsync(me, ct)).AnyAsync(w => w.Id == g.Id, ct);
        return new GuideView(g.Id, g.Slug, g.Title, g.Body, Markdown.ToSafeHtml(g.Body), g.Visibility, g.ProgrammeId, row.Programme,
            g.AuthorId, row.Author ?? "Trellis", g.CreatedAt, g.UpdatedAt, g.Version, canEdit);
    }

    /// <summary>The title as an address ("How to start" → "how-to-start"), numbered when taken.</summary>
    private async Task<string> FreeSlugAsync(string title, CancellationToken ct)
    {
        var stem = GuideSlug.From(title);
        var taken = await db.Guides.Where(g => g.Slug == stem || g.Slug.StartsWith(stem + "-")).Select(g => g.Slug).ToListAsync(ct);
        if (stem == "new") taken.Add(stem); // /Guides/New is the page to write one
        if (!taken.Contains(stem)) return stem;
        for (var n = 2; ; n++)
            if (!taken.Contains($"{stem}-{n}")) return $"{stem}-{n}";
    }
}

public static class GuideSlug
{
    public static string From(string title)
    {
        var chars = title.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        var slug = string.Join('-', new string([.. chars]).Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length > Guide.SlugMax - 6) slug = slug[..(Guide.SlugMax - 6)].TrimEnd('-');
        return slug.Length == 0 ? "guide" : slug;
    }
}
