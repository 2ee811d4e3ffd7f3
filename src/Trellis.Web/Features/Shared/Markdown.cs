using Ganss.Xss;
using Markdig;

namespace Trellis.Web.Features.Shared;

/// <summary>
/// Members write Markdown (messages, critiques, check-ins, notes); this turns it into HTML that is safe
/// to put on a page. Raw HTML in the source is escaped by Markdig, and the sanitizer then removes anything
/// a link or image could still smuggle in (javascript: URLs, event handlers), so two independent layers
/// would both have to fail.
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseTaskLists()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        return Sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("mailto");
        s.AllowedAttributes.Remove("style");
        s.AllowedTags.Remove("img"); // no tracking pixels or remote content in private conversations
        s.AllowedTags.Remove("form");
        s.AllowedTags.Remove("input");
        s.AllowedTags.Add("input"); // task-list check boxes, disabled below
        s.AllowedAttributes.Add("checked");
        s.AllowedAttributes.Add("disabled");
        s.AllowedAttributes.Add("rel");
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement el)
            {
                if (el.LocalName == "a")
                {
                    // A member's link leaves Trellis without telling the other site where it came from.
                    el.SetAttribute("rel", "noopener noreferrer nofollow");
                    el.RemoveAttribute("target");
                }
                if (el.LocalName == "input")
                {
                    if (el.GetAttribute("type") != "checkbox") el.Remove();
                    else el.SetAttribute("disabled", "disabled");
                }
            }
        };
        return s;
    }
}
