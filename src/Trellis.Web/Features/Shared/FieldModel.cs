namespace Trellis.Web.Features.Shared;

/// <summary>The data for the _Field partial: label, input and its error, wired together for screen readers.</summary>
public sealed record FieldModel(string Name, string Label, string? Value = null, string Type = "text", string? AutoComplete = null,
    bool Required = false, int? MaxLength = null, string? Hint = null, string? InputMode = null, string? List = null)
{
    public string Id => Name.Replace('.', '_').Replace('[', '_').Replace(']', '_');
    public string? HintId => Hint is null ? null : Id + "-hint";
}
