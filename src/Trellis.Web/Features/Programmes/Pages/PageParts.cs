namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>The data for the _Select partial: a labelled select with its error.</summary>
public sealed record SelectModel(string Name, string Label, IReadOnlyList<(string Value, string Label)> Options, string? Selected);

/// <summary>The data for the _ManageNav partial: which programme, which section is open.</summary>
public sealed record ManageNav(string Slug, string Current);
