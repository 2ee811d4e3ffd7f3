using Trellis.Matching.Scoring;

namespace Trellis.Matching.Search;

internal readonly record struct ScheduleKey(string ZoneId, WorkingHours Hours);

/// <summary>One immutable published version of the index: what a reader scans from start to end.</summary>
internal sealed record IndexState(
    Segment[] Segments,
    InternTable<string> Fields,
    InternTable<string> Skills,
    InternTable<string> Interests,
    InternTable<ScheduleKey> Schedules)
{
    public static readonly IndexState Empty = new([], InternTable<string>.Empty, InternTable<string>.Empty, InternTable<string>.Empty, InternTable<ScheduleKey>.Empty);
}
