namespace Trellis.Web.Features.Moderation;

/// <summary>The "Report" link under a reportable item (the _ReportLink partial); shown to signed-in members only.</summary>
public sealed record ReportLink(ReportKind Kind, Guid ItemId, bool Show = true)
{
    public string Href => $"/Report/{Kind}/{ItemId}";
    public string Label => $"Report this {ReportHandlers.Describe(Kind)}";
}
