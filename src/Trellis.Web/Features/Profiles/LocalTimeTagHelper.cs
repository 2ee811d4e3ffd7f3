using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Trellis.Web.Features.Profiles;

/// <summary>
/// <c>&lt;local-time at="@m.CreatedAt" /&gt;</c> → <c>&lt;time datetime="…Z"&gt;27 Nov 2026, 14:00&lt;/time&gt;</c>
/// in the signed-in member's zone. <c>format</c> takes a .NET date format ("d MMMM yyyy" for a date);
/// <c>name-zone</c> adds "(Paris time)" where the zone matters (a time someone must act by).
/// </summary>
[HtmlTargetElement("local-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper(MemberZone clock) : TagHelper
{
    public DateTimeOffset At { get; set; }
    public string Format { get; set; } = "d MMM yyyy, HH:mm";
    public bool NameZone { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var zone = await clock.ZoneAsync();
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        output.Content.SetContent(MemberClock.Format(At, zone, Format, NameZone));
    }
}
