using System.Numerics;
using System.Numerics.Tensors;
using Trellis.Matching.Scoring;

namespace Trellis.Matching.Search;

/// <summary>
/// Everything about one search that does not depend on the mentor row, worked out once so the
/// per-row work is table look-ups and the embedding dot product is the dominant cost.
/// </summary>
internal sealed class QueryPlan
{
    private readonly CompatibilityScorer _scorer;
    private readonly MenteeProfile _mentee;
    private readonly HashSet<Guid> _menteeBlocked;
    private readonly int[] _excludedSlots;

    private readonly float[] _fieldValue;
    private readonly int _menteeField;
    private readonly bool[] _soughtSkill;
    private readonly bool[] _menteeInterest;
    private readonly double[] _overlapHours;
    private readonly float[] _hoursValue;
    private readonly LanguageSet _menteeLanguages;
    private readonly float[]? _query;
    private readonly float[] _w;
    private readonly int _minAhead, _maxAhead;

    // Search filters; null/false when not used.
    private readonly bool _rowFilter;
    private readonly bool[]? _fieldFilter;
    private readonly bool[]? _skillFilter;
    private readonly LanguageSet? _languageFilter;

    public QueryPlan(IndexState state, MentorSearchRequest request, CompatibilityScorer scorer, int[] excludedSlots)
    {
        _scorer = scorer;
        _mentee = request.Mentee;
        _menteeBlocked = [.. _mentee.BlockedIds];
        _excludedSlots = excludedSlots;
        _w = scorer.Weights;
        _minAhead = scorer.Options.MinYearsAhead;
        _maxAhead = scorer.Options.MaxYearsAheadBeforeDecline;

        _menteeField = state.Fields.IdOf(Terms.Normalize(_mentee.Field));
        _fieldValue = new float[state.Fields.Count];
        foreach (var related in _mentee.RelatedFields)
            if (state.Fields.IdOf(Terms.Normalize(related)) is var id and >= 0)
                _fieldValue[id] = Criteria.Field(false, true);
        if (_menteeField >= 0) _fieldValue[_menteeField] = Criteria.Field(true, false);

        _soughtSkill = Table(state.Skills, _mentee.SkillsSought);
        _menteeInterest = Table(state.Interests, _mentee.Interests);

        var menteeZone = TimeZones.FindOrUtc(_mentee.TimeZone);
        _overlapHours = new double[state.Schedules.Count];
        _hoursValue = new float[state.Schedules.Count];
        for (var i = 0; i < _overlapHours.Length; i++)
        {
            var schedule = state.Schedules[i];
            _overlapHours[i] = TimeZones.WorkingHoursOverlap(menteeZone, _mentee.WorkingHours, TimeZones.FindOrUtc(schedule.ZoneId), schedule.Hours, request.ReferenceDate);
            _hoursValue[i] = Criteria.WorkingHours(_overlapHours[i], scorer.Options.EnoughOverlapHours);
        }
        _menteeLanguages = LanguageSet.From(_mentee.Languages);
        _query = QueryVector(_mentee.Embedding, request.QueryEmbedding, request.QueryWeight);

        var f = request.Filter;
        _filter = f;
        if (f.Fields is not null) _fieldFilter = Table(state.Fields, f.Fields);
        if (f.SkillsOrTopics is not null) _skillFilter = Table(state.Skills, f.SkillsOrTopics);
        if (f.Languages is not null) _languageFilter = LanguageSet.From(f.Languages);
        _rowFilter = !f.IsEmpty || _mentee.RequiresSharedLanguage;
    }

    private readonly MentorFilter _filter;

    /// <summary>Survivors of one segment: eligible rows that pass the mentee's hard filters and the search filters.</summary>
    public void Prefilter(Segment segment, int segmentIndex, Span<ulong> bits)
    {
        segment.Eligible.CopyTo(bits);
        if (_rowFilter)
        {
            for (var w = 0; w < bits.Length; w++)
            {
                var word = bits[w];
                var keep = word;
                while (word != 0)
                {
                    var bit = BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                    if (!Passes(segment, (w << 6) + bit)) keep &= ~(1UL << bit);
                }
                bits[w] = keep;
            }
        }
        foreach (var slot in _excludedSlots)
            if (slot / Segment.Rows == segmentIndex)
                bits[(slot % Segment.Rows) >> 6] &= ~(1UL << (slot & 63));
    }

    private bool Passes(Segment s, int row)
    {
        if (_mentee.RequiresSharedLanguage && !_menteeLanguages.Overlaps(s.Languages[row])) return false;
        var f = _filter;
        if (_fieldFilter is not null && !_fieldFilter[s.Field[row]]) return false;
        if (_skillFilter is not null && !AnyOf(s.Skills[row], _skillFilter)) return false;
        if (_languageFilter is { } languages && !languages.Overlaps(s.Languages[row])) return false;
        if (f.Formats is { } formats && (s.Formats[row] & formats) == 0) return false;
        if (f.MinOverlapHours is { } minHours && _overlapHours[s.Schedule[row]] < minHours) return false;
        if (f.MinYearsOfExperience is { } minYears && s.Years[row] < minYears) return false;
        if (f.MaxYearsOfExperience is { } maxYears && s.Years[row] > maxYears) return false;
        if (f.OpenToPeerOrReverse is { } open && ((s.Flags[row] & (Segment.OpenToPeer | Segment.OpenToReverse)) != 0) != open) return false;
        return true;
    }

    /// <summary>Scores the survivors into the heap. Summation order matches <see cref="CompatibilityScorer"/> exactly.</summary>
    public void Scan(Segment s, int segmentIndex, ReadOnlySpan<ulong> bits, TopK top)
    {
        var w = _w;
        float w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3], w4 = w[4], w5 = w[5], w6 = w[6], w7 = w[7], wGoals = w[8];
        var menteeYears = _mentee.YearsOfExperience;
        var sought = _mentee.QualitiesSought;
        var preferred = _mentee.FormatsPreferred;
        var query = _query;
        var embeddings = s.Embeddings;
        for (var wi = 0; wi < bits.Length; wi++)
        {
            var word = bits[wi];
            while (word != 0)
            {
                var row = (wi << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;

                var field = _fieldValue[s.Field[row]];
                if (field == 0 && _menteeField >= 0 && Array.IndexOf(s.RelatedFields[row], _menteeField) >= 0)
                    field = Criteria.Field(false, true);
                var ahead = s.Years[row] - menteeYears;
                var flags = s.Flags[row];
                var hasSkill = Criteria.IsPeerOrJunior(ahead, _minAhead) && AnyOf(s.Skills[row], _soughtSkill);
                var stage = Criteria.CareerStage(ahead, (flags & Segment.OpenToPeer) != 0, (flags & Segment.OpenToReverse) != 0, hasSkill, _minAhead, _maxAhead);
                var qualities = Criteria.Qualities(sought, s.Qualities[row]);
                var interests = Criteria.Interests(CountOf(s.Interests[row], _menteeInterest));
                var hours = _hoursValue[s.Schedule[row]];
                var language = Criteria.Language(_menteeLanguages.Overlaps(s.Languages[row]));
                var formats = Criteria.Formats(preferred, s.Formats[row]);
                var availability = Criteria.Availability(s.Remaining[row], s.HoursPerMonth[row]);

                var partial = 0f;
                partial += w0 * field;
                partial += w1 * stage;
                partial += w2 * qualities;
                partial += w3 * interests;
                partial += w4 * hours;
                partial += w5 * language;
                partial += w6 * formats;
                partial += w7 * availability;

                // Exact pruning: even a perfect text match could not lift this row into the top k.
                if (partial + wGoals < top.Threshold) continue;

                var cosine = query is null ? float.NaN : TensorPrimitives.Dot(new ReadOnlySpan<float>(embeddings, row * Segment.Dim, Segment.Dim), query);
                var score = partial + wGoals * _scorer.GoalsValue(cosine);
                var id = s.Ids[row];
                if (!top.WouldAccept(score, id) || !AllowedPair(s, row, id)) continue;
                top.Add(new Candidate(score, id, segmentIndex, row, cosine));
            }
        }
    }

    // The bitset already excluded self and blocks; this re-check on the few heap entrants keeps
    // the guarantee even when a block lands between the slot look-up and the scan.
    private bool AllowedPair(Segment s, int row, Guid id) =>
        id != _mentee.Id && !_menteeBlocked.Contains(id) && s.Profiles[row] is { } p && !p.BlockedIds.Contains(_mentee.Id);

    private static float[]? QueryVector(float[]? goals, float[]? query, float queryWeight)
    {
        if (goals is not null && goals.Length != Segment.Dim) throw new ArgumentException($"Mentee embedding must have {Segment.Dim} floats.");
        if (query is not null && query.Length != Segment.Dim) throw new ArgumentException($"Query embedding must have {Segment.Dim} floats.");
        if (query is null) return goals;
        if (goals is null) return query;
        var weight = Math.Clamp(queryWeight, 0f, 1f);
        var blended = new float[Segment.Dim];
        for (var i = 0; i < blended.Length; i++)
            blended[i] = (1 - weight) * goals[i] + weight * query[i];
        var norm = TensorPrimitives.Norm(blended);
        if (norm > 0) TensorPrimitives.Divide(blended, norm, blended);
        return blended;
    }

    private static bool[] Table(InternTable<string> vocabulary, IEnumerable<string> terms)
    {
        var table = new bool[vocabulary.Count];
        foreach (var term in terms)
            if (vocabulary.IdOf(Terms.Normalize(term)) is var id and >= 0)
                table[id] = true;
        return table;
    }

    private static bool AnyOf(int[] ids, bool[] table)
    {
        foreach (var id in ids)
            if (table[id]) return true;
        return false;
    }

    private static int CountOf(int[] ids, bool[] table)
    {
        var count = 0;
        foreach (var id in ids)
            if (table[id]) count++;
        return count;
    }
}
