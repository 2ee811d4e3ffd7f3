namespace Trellis.Web.Features.FindMentor;

/// <summary>One page of mentors as "Find a mentor" shows them (the open search and a programme's own).</summary>
/// <param name="AskLink">Where "Ask" leads for a mentor, when the list offers it (a programme's: its own request form).</param>
public sealed record MentorResultsModel(MentorResults Results, Func<int, string> PageLink, Func<Guid, string>? AskLink = null);
