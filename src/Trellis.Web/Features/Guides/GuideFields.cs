namespace Trellis.Web.Features.Guides;

/// <summary>The fields a guide's writer fills in, on the new and the edit page (the _GuideFields partial).</summary>
public sealed record GuideFields(string? Title, string? Body, string? Visibility);
