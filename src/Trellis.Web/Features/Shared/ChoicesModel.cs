namespace Trellis.Web.Features.Shared;

public sealed record ChoicesModel(string Name, string Legend, IReadOnlyList<(string Value, string Label)> Options, IReadOnlyCollection<string> Selected);
