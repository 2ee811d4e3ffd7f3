using Trellis.Matching.Scoring;

namespace Trellis.Matching.Search;

/// <summary>A mentor's zone, working hours and meeting windows; equal by value (<see cref="WindowsKey"/> stands for <see cref="Windows"/>).</summary>
internal readonly record struct ScheduleKey(string ZoneId, WorkingHours Hours, string WindowsKey, IReadOnlyList<WeeklyWindow> Windows)
{
    public bool Equals(ScheduleKey other) => ZoneId == other.ZoneId && Hours == other.Hours && WindowsKey == other.WindowsKey;

    public override int GetHashCode() => HashCode.Combine(ZoneId, Hours, WindowsKey);
}

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
