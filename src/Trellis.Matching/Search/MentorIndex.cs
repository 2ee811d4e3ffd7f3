using System.Collections.Concurrent;
using System.Numerics;
using Trellis.Matching.Scoring;

namespace Trellis.Matching.Search;

/// <summary>
/// All mentors in memory, ready for exact top-k recommendations. Build it once at start-up
/// (<see cref="Build"/>), then call <see cref="AddOrUpdate(MentorProfile)"/> / <see cref="Remove"/>
/// whenever a mentor's profile, capacity or embedding changes. Any number of threads may
/// <see cref="Search"/> while one writer updates: writers copy the segment they touch and publish
/// a new version atomically, so a search sees either the old or the new version, never half of one.
/// </summary>
public sealed class MentorIndex
{
    private readonly Lock _writeLock = new();
    private readonly ConcurrentDictionary<Guid, int> _slots = new();
    private readonly ConcurrentDictionary<Guid, Guid[]> _blockedBy = new();
    private readonly Stack<int> _freeSlots = new();
    private readonly Interner<string> _fields = new(), _skills = new(), _interests = new();
    private readonly Interner<ScheduleKey> _schedules = new();
    private IndexState _state = IndexState.Empty;
    private int _nextSlot;

    /// <summary>Floats per embedding: all-MiniLM-L6-v2's 384. Any model of that size (or none) works.</summary>
    public const int Dimensions = 384;

    public MentorIndex(MatchingOptions? options = null) => Scorer = new CompatibilityScorer(options);

    public static MentorIndex Build(IEnumerable<MentorProfile> mentors, MatchingOptions? options = null)
    {
        var index = new MentorIndex(options);
        index.AddOrUpdate(mentors);
        return index;
    }

    public CompatibilityScorer Scorer { get; }

    public int Count => _slots.Count;

    public bool Contains(Guid mentorId) => _slots.ContainsKey(mentorId);

    /// <summary>Bytes held by the index's arrays (embeddings, attributes, id lists), not counting the retained profile objects.</summary>
    public long ArrayBytes => Volatile.Read(ref _state).Segments.Sum(s => s.Bytes());

    /// <summary>The embedding matrix blocks and how many rows of each are in use (benchmark baseline).</summary>
    internal IEnumerable<(Segment Segment, int Rows)> EmbeddingBlocks()
    {
        var segments = Volatile.Read(ref _state).Segments;
        var slots = Volatile.Read(ref _nextSlot);
        for (var s = 0; s < segments.Length; s++)
            yield return (segments[s], Math.Clamp(slots - s * Segment.Rows, 0, Segment.Rows));
    }

    public void AddOrUpdate(MentorProfile mentor) => AddOrUpdate([mentor]);

    /// <summary>Adds or replaces mentors; each touched segment is copied once per call, so pass changes in batches when you can.</summary>
    public void AddOrUpdate(IEnumerable<MentorProfile> mentors)
    {
        lock (_writeLock)
        {
            var writer = new SegmentWriter(this);
            foreach (var mentor in mentors)
            {
                if (mentor.Embedding is { Length: not Segment.Dim })
                    throw new ArgumentException($"Mentor {mentor.Id}: embedding must have {Segment.Dim} floats.", nameof(mentors));
                var isNew = !_slots.TryGetValue(mentor.Id, out var slot);
                if (isNew)
                    slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : _nextSlot++;
                var segment = writer.Writable(slot / Segment.Rows);
                var row = slot % Segment.Rows;
                UpdateBlockedBy(mentor.Id, segment.Profiles[row]?.BlockedIds ?? [], mentor.BlockedIds);
                Write(segment, row, mentor);
                _slots[mentor.Id] = slot;
            }
            writer.Publish();
        }
    }

    public bool Remove(Guid mentorId)
    {
        lock (_writeLock)
        {
            if (!_slots.TryGetValue(mentorId, out var slot)) return false;
            var writer = new SegmentWriter(this);
            var segment = writer.Writable(slot / Segment.Rows);
            var row = slot % Segment.Rows;
            UpdateBlockedBy(mentorId, segment.Profiles[row]?.BlockedIds ?? [], []);
            segment.Clear(row);
            writer.Publish();
            _slots.TryRemove(mentorId, out _);
            _freeSlots.Push(slot);
            return true;
        }
    }

    /// <summary>Top mentors for the mentee, best first, after hard filters and search filters.</summary>
    public MentorSearchResult Search(MentorSearchRequest request) => Search(request, SearchScan.Int8, out _);

    /// <summary>
    /// <see cref="Search(MentorSearchRequest)"/> with a chosen scan; both return the same matches.
    /// <paramref name="exactRows"/> counts the rows whose fp32 row was read and scored exactly.
    /// </summary>
    internal MentorSearchResult Search(MentorSearchRequest request, SearchScan scan, out int exactRows)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Take is < 1 or > MentorSearchRequest.MaxPageSize)
            throw new ArgumentOutOfRangeException(nameof(request), $"Take must be between 1 and {MentorSearchRequest.MaxPageSize}.");
        if (request.Skip < 0 || request.Skip + request.Take > MentorSearchRequest.MaxDepth)
            throw new ArgumentOutOfRangeException(nameof(request), $"Skip must be at least 0 and Skip + Take at most {MentorSearchRequest.MaxDepth}.");

        var state = Volatile.Read(ref _state);
        var plan = new QueryPlan(state, request, Scorer, ExcludedSlots(state, request.Mentee), scan);
        var top = new SearchTopK(request.Skip + request.Take);
        var total = 0;
        exactRows = 0;
        Span<ulong> survivors = stackalloc ulong[Segment.Words];
        Span<float> partials = stackalloc float[Segment.Rows];
        Span<float> fits = stackalloc float[Segment.Rows];
        Span<int> rows = stackalloc int[Segment.Rows];
        Span<ulong> speaking = stackalloc ulong[Segment.Words];
        for (var s = 0; s < state.Segments.Length; s++)
        {
            var segment = state.Segments[s];
            plan.Prefilter(segment, s, survivors, speaking);
            foreach (var word in survivors) total += BitOperations.PopCount(word);
            exactRows += plan.Scan(segment, s, survivors, speaking, top, partials, fits, rows);
        }

        var matches = top.ToSortedBestFirst().Skip(request.Skip).Select(c =>
        {
            var profile = state.Segments[c.Segment].Profiles[c.Row]!;
            var breakdown = Scorer.Score(request.Mentee, profile, c.Cosine, request.ReferenceDate);
            return new MentorMatch(c.Id, c.Score, breakdown);
        }).ToList();
        return new MentorSearchResult(matches, total);
    }

    /// <summary>The score and reasons for one mentor (a profile page's "why this could be a good match"), or null if unknown.</summary>
    public CompatibilityScore? Explain(MenteeProfile mentee, Guid mentorId, DateOnly referenceDate)
    {
        var state = Volatile.Read(ref _state);
        if (!_slots.TryGetValue(mentorId, out var slot) || slot / Segment.Rows >= state.Segments.Length) return null;
        var segment = state.Segments[slot / Segment.Rows];
        var row = slot % Segment.Rows;
        if (segment.Ids[row] != mentorId || segment.Profiles[row] is not { } profile) return null;
        var cosine = mentee.Embedding is { Length: Segment.Dim } e
            ? Vectors.Dot(segment.Row(row), e)
            : float.NaN;
        return Scorer.Score(mentee, profile, cosine, referenceDate);
    }

    private int[] ExcludedSlots(IndexState state, MenteeProfile mentee)
    {
        var ids = new HashSet<Guid>(mentee.BlockedIds) { mentee.Id };
        if (_blockedBy.TryGetValue(mentee.Id, out var blockers)) ids.UnionWith(blockers);
        var slots = new List<int>();
        foreach (var id in ids)
            if (_slots.TryGetValue(id, out var slot) && slot / Segment.Rows < state.Segments.Length
                && state.Segments[slot / Segment.Rows].Ids[slot % Segment.Rows] == id)
                slots.Add(slot);
        slots.Sort();
        return [.. slots];
    }

    private void UpdateBlockedBy(Guid mentorId, IReadOnlyCollection<Guid> before, IReadOnlyCollection<Guid> after)
    {
        foreach (var mentee in before.Except(after))
            if (_blockedBy.TryGetValue(mentee, out var list))
            {
                var rest = list.Where(m => m != mentorId).ToArray();
                if (rest.Length == 0) _blockedBy.TryRemove(mentee, out _);
                else _blockedBy[mentee] = rest;
            }
        foreach (var mentee in after.Except(before))
            _blockedBy.AddOrUpdate(mentee, [mentorId], (_, list) => list.Contains(mentorId) ? list : [.. list, mentorId]);
    }

    private void Write(Segment s, int row, MentorProfile m)
    {
        s.Ids[row] = m.Id;
        s.Profiles[row] = m with { Embedding = null };
        s.SetEmbedding(row, m.Embedding);
        // Previous fields count as related (the scorer's rule); one list keeps the scan's check to one look-up.
        s.RelatedFields[row] = Ids(_fields, m.RelatedFields.Concat(m.PreviousFields));
        s.Skills[row] = Ids(_skills, m.Skills.Concat(m.Topics));
        s.Interests[row] = Ids(_interests, m.Interests);
        var inline = s.InterestsInline.AsSpan(row * Segment.InlineInterests, Segment.InlineInterests);
        inline.Fill(-1);
        if (s.Interests[row].Length > Segment.InlineInterests) inline[0] = Segment.InterestsOverflow;
        else s.Interests[row].CopyTo(inline);
        s.Info[row] = new RowInfo
        {
            Field = _fields.Intern(Terms.Normalize(m.Field)),
            RelatedSignature = Segment.Signature(s.RelatedFields[row]),
            SkillSignature = Segment.Signature(s.Skills[row]),
            InterestSignature = Segment.Signature(s.Interests[row]),
            Years = (byte)Math.Clamp(m.YearsOfExperience, 0, byte.MaxValue),
            Flags = (byte)((m.OpenToMentoring ? Segment.OpenToMentoring : 0)
                | (m.OpenToPeerMentoring ? Segment.OpenToPeer : 0) | (m.OpenToReverseMentoring ? Segment.OpenToReverse : 0)),
            Formats = m.Formats,
            Qualities = m.QualitiesOffered,
            Availability = Criteria.Availability(m.RemainingCapacity, m.HoursPerMonth),
            Schedule = _schedules.Intern(new ScheduleKey(TimeZones.FindOrUtc(m.TimeZone).Id, m.WorkingHours, WeeklyWindow.Key(m.MeetingWindows), [.. m.MeetingWindows])),
        };
        s.SetLanguages(row, LanguageSet.From(m.Languages));
        s.SetFormats(row, m.Formats);
        Segment.SetBit(s.Live, row, true);
        Segment.SetBit(s.Eligible, row, m.OpenToMentoring && m.RemainingCapacity > 0);
    }

    private static int[] Ids(Interner<string> interner, IEnumerable<string> terms) =>
        terms.Select(t => interner.Intern(Terms.Normalize(t))).Distinct().ToArray();

    /// <summary>Collects the segments one write touches, copying each once, then publishes them together.</summary>
    private sealed class SegmentWriter(MentorIndex index)
    {
        private readonly List<Segment> _segments = [.. Volatile.Read(ref index._state).Segments];
        private readonly HashSet<int> _copied = [];

        public Segment Writable(int segmentIndex)
        {
            while (_segments.Count <= segmentIndex)
            {
                _segments.Add(new Segment());
                _copied.Add(_segments.Count - 1);
            }
            if (_copied.Add(segmentIndex))
                _segments[segmentIndex] = _segments[segmentIndex].Clone();
            return _segments[segmentIndex];
        }

        public void Publish() => Volatile.Write(ref index._state, new IndexState(
            [.. _segments], index._fields.Publish(), index._skills.Publish(), index._interests.Publish(), index._schedules.Publish()));
    }
}
