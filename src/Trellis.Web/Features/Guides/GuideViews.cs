using Trellis.Web.Infrastructure.Validation;

namespace Trellis.Web.Features.Guides;

/// <summary>A new guide. Without a programme it is site-wide (administrators only); programme-only needs a programme.
/// Visibility is text so that an unknown value is a 400 naming the field.</summary>
public sealed record WriteGuide(
    [Needed(GuideWords.NeedTitle), MaxChars(Guide.TitleMax)] string? Title,
    [Needed(GuideWords.NeedBody), MaxChars(Guide.BodyMax)] string? Body,
    [Needed(GuideWords.ChooseVisibility), NameOf(typeof(GuideVisibility), GuideWords.ChooseVisibility)] string? Visibility,
    Guid? ProgrammeId);

/// <summary>An edit of a guide, from the version the writer started with (a stale one is 409).</summary>
public sealed record EditGuide(
    [Needed(GuideWords.NeedTitle), MaxChars(Guide.TitleMax)] string? Title,
    [Needed(GuideWords.NeedBody), MaxChars(Guide.BodyMax)] string? Body,
    [Needed(GuideWords.ChooseVisibility), NameOf(typeof(GuideVisibility), GuideWords.ChooseVisibility)] string? Visibility,
    [Needed(GuideWords.NeedVersion)] Guid? Version);

public sealed record GuideSummary(Guid Id, string Slug, string Title, GuideVisibility Visibility, Guid? ProgrammeId,
    string? ProgrammeName, DateTimeOffset UpdatedAt);

/// <summary>A guide as its reader sees it: the Markdown and the one safe rendering of it.</summary>
public sealed record GuideView(Guid Id, string Slug, string Title, string Body, string Html, GuideVisibility Visibility,
    Guid? ProgrammeId, string? ProgrammeName, Guid? AuthorId, string AuthorName, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, Guid Version, bool CanEdit);

/// <summary>Where the caller may write a guide: site-wide (administrators) and the programmes they coordinate.</summary>
public sealed record GuidePlaces(bool SiteWide, IReadOnlyList<ProgrammePlace> Programmes);

public sealed record ProgrammePlace(Guid Id, string Name);

public static class GuideWords
{
    public const string NeedTitle = "Give the guide a title.";
    public const string NeedBody = "Write the guide.";
    public const string NeedVersion = "Send the version you started editing from.";
    public const string ChooseVisibility = "Choose who may read it: Public, MembersOnly or ProgrammeOnly.";
    public const string ProgrammeOnlyNeedsProgramme = "Only a programme's guide can be for the programme only; choose Public or MembersOnly.";
    public const string Stale = "Someone else edited this guide since you opened it. Reload it to see their changes, then edit again.";
    public const string NoSuchGuide = "There is no such guide, or you cannot see it.";

    public static string Describe(GuideVisibility visibility) => visibility switch
    {
        GuideVisibility.Public => "Anyone",
        GuideVisibility.MembersOnly => "Signed-in members",
        _ => "The programme's participants and coordinators",
    };
}
