namespace Trellis.Web.Features.Guides;

/// <summary>Who may read a guide (and its questions and answers).</summary>
public enum GuideVisibility
{
    /// <summary>Anyone, signed in or not.</summary>
    Public,
    /// <summary>Any signed-in member.</summary>
    MembersOnly,
    /// <summary>The programme's participants and coordinators.</summary>
    ProgrammeOnly,
}

/// <summary>
/// A coordinator's (or, site-wide, an administrator's) advice in Markdown. A programme guide belongs to its programme,
/// so any of its coordinators may edit it, not only its author: guides outlive a coordinator's term. The site's first
/// guide has no author (Trellis wrote it).
/// </summary>
public sealed class Guide
{
    public const int TitleMax = 200, BodyMax = 50_000, SlugMax = 80;

    private Guide() { }

    public Guide(string slug, string title, string body, Guid? authorId, GuideVisibility visibility, Guid? programmeId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        Slug = slug;
        AuthorId = authorId;
        ProgrammeId = programmeId;
        CreatedAt = at;
        Write(title, body, visibility, at);
    }

    public Guid Id { get; private set; }
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";
    /// <summary>Markdown, rendered only through <c>Shared.Markdown.ToSafeHtml</c>.</summary>
    public string Body { get; private set; } = "";
    public Guid? AuthorId { get; private set; }
    public GuideVisibility Visibility { get; private set; }
    /// <summary>Null for a site-wide guide (administrators write those).</summary>
    public Guid? ProgrammeId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Changes on every edit, so two coordinators editing at once cannot both save.</summary>
    public Guid Version { get; private set; }

    /// <summary>Programme-only needs a programme; the caller has checked that the writer may write here.</summary>
    public GuideError? Edit(string title, string body, GuideVisibility visibility, DateTimeOffset at)
    {
        if (visibility == GuideVisibility.ProgrammeOnly && ProgrammeId is null)
            return GuideError.Invalid("visibility", GuideWords.ProgrammeOnlyNeedsProgramme);
        Write(title, body, visibility, at);
        return null;
    }

    private void Write(string title, string body, GuideVisibility visibility, DateTimeOffset at)
    {
        Title = title;
        Body = body;
        Visibility = visibility;
        UpdatedAt = at;
        Version = Guid.NewGuid();
    }
}

/// <summary>A guide's expected failures, in the domain's words (the API and pages map them once).</summary>
public sealed record GuideError(string Field, string Message)
{
    public static GuideError Invalid(string field, string message) => new(field, message);

    public Error ToError() => new Invalid(Field, Message);
}
