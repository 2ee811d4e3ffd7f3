namespace Trellis.Web.Features.Mentorships.Workspace;

/// <summary>The sections of a mentorship's workspace, each a page of its own feature folder at
/// /Mentorships/{id}/{Section}. <see cref="Current"/> is the section being shown.</summary>
public sealed record WorkspaceNav(Guid MentorshipId, string Current)
{
    public static readonly IReadOnlyList<(string Section, string Label)> Sections =
    [
        ("", "Overview"),
        ("Meetings", "Meetings"),
        ("Messages", "Messages"),
        ("Critiques", "Work for critique"),
        ("Resources", "Articles and books"),
        ("CheckIns", "Check-ins"),
        ("Goals", "Goals"),
        ("Reviews", "Reviews"),
        ("Timeline", "Timeline"),
    ];

    public string Href(string section) => section.Length == 0 ? $"/Mentorships/{MentorshipId}" : $"/Mentorships/{MentorshipId}/{section}";
}
