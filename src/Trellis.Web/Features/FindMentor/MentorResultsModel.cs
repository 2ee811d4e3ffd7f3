namespace Trellis.Web.Features.FindMentor;

/// <summary>One page of mentors as "Find a mentor" shows them (the open search and a programme's own).</summary>
public sealed record MentorResultsModel(MentorResults Results, Func<int, string> PageLink);
