using System.Numerics;
using System.Numerics.Tensors;
using Trellis.Matching.Scoring;

namespace Trellis.Matching.Search;

/// <summary>
/// Everything about one search that does not depend on the mentor row, worked out once: per-row
/// work is then a handful of table look-ups, and the embedding dot product is the dominant cost.
/// Every table entry is produced by the same <see cref="Criteria"/> function the pair scorer
/// calls, and the sum runs in the same order, so a result's score equals its breakdown's total.
/// </summary>
internal sealed class QueryPlan
{
    private const int StageKinds = 8; // open to peer (2) | open to reverse (4) | has a sought skill (1)

    private readonly MenteeProfile _mentee;
    private readonly HashSet<Guid> _menteeBlocked;
    private readonly int[] _excludedSlots;
    private readonly float[] _w;
    private readonly float[]? _query;
    private readonly Int8Query? _int8Query;

    /// <summary>The query alone and its threshold, when only relevant mentors may pass (<see cref="MentorSearchRequest.MinQueryRelevance"/>).</summary>
    private readonly float[]? _relevanceQuery;
    private readonly Int8Query? _int8Relevance;
    private readonly float _minRelevance;
    private readonly float _unrelatedCosine, _sameCosine, _unrelatedFitShare;

    private readonly float[] _fieldValue;
    private readonly int _menteeField;
    private readonly ulong _menteeFieldBit;
    private readonly float _relatedFieldValue = Criteria.Field(false, true);
    private readonly int _menteeYears, _minAhead;
    private readonly float[] _stageValue;

    /// <summary>The career-stage hard rule (<see cref="HardFilters.Stage"/>) by (years, peer/reverse flags), as for <see cref="_stageValue"/>.</summary>
    private readonly bool[] _stageAllowed;
    private readonly LanguageSet _requiredLanguages;

    /// <summary>By schedule: the mentee's required meeting window is met (all true when not required).</summary>
    private readonly bool[] _canMeet;
    private readonly bool[] _soughtSkill;
    private readonly ulong _soughtSignature;
    private readonly int _soughtQualities;
    private readonly MentorQualities _qualitiesSought;
    private readonly float[] _qualitiesValue;
    private readonly bool[] _menteeInterest;
    private readonly ulong _interestSignature;
    private readonly float[] _interestsValue;
    private readonly double[] _overlapHours;
    private readonly float[] _hoursValue;
    private readonly LanguageSet _menteeLanguages;
    private readonly float _sharedLanguageValue = Criteria.Language(true), _noLanguageValue = Criteria.Language(false);
    private readonly float[] _formatsValue;

    private readonly bool _requireLanguage, _anyFilter;

    /// <summary>Whether any filter needs a look at each row (the others are bitset operations).</summary>
    private readonly bool _rowFilter;
    private readonly bool[]? _fieldFilter, _skillFilter;
    private readonly LanguageSet _languageFilter;
    private readonly bool _hasLanguageFilter;
    private readonly MeetingFormats _formatsFilter;
    private readonly double _minOverlap;
    private readonly int _minYears, _maxYears;
    private readonly int _peerFilter; // -1 any, 0 neither, 1 peer or reverse

    public QueryPlan(IndexState state, MentorSearchRequest request, CompatibilityScorer scorer, int[] excludedSlots, SearchScan scan = SearchScan.Int8)
    {
        var options = scorer.Options;
        _mentee = request.Mentee;
        _menteeBlocked = [.. _mentee.BlockedIds];
        _excludedSlots = excludedSlots;
        _w = scorer.Weights;
        _query = QueryVector(_mentee.Embedding, request.QueryEmbedding, request.QueryWeight);
        if (scan == SearchScan.Int8 && _query is not null) _int8Query = new Int8Query(_query);
        if (request is { QueryEmbedding: { } relevanceQuery, MinQueryRelevance: { } minRelevance })
        {
            _relevanceQuery = relevanceQuery;
            _minRelevance = minRelevance;
            if (scan == SearchScan.Int8) _int8Relevance = new Int8Query(relevanceQuery);
        }
        _unrelatedCosine = (float)options.UnrelatedTextCosine;
        _sameCosine = (float)options.SameTextCosine;
        _unrelatedFitShare = (float)options.UnrelatedFitShare;

        // The field the mentee aims at (their target when they move) takes the place of their own;
        // the one they leave is shared background. A mentor who came from there into the target
        // is worth the same as any mentor in the target, so the table needs no per-row case.
        var (aim, leaving) = CompatibilityScorer.Direction(_mentee);
        _menteeField = state.Fields.IdOf(aim);
        _menteeFieldBit = _menteeField >= 0 ? 1UL << (_menteeField & 63) : 0;
        _fieldValue = new float[state.Fields.Count];
        if (leaving is not null && state.Fields.IdOf(leaving) is var left and >= 0)
            _fieldValue[left] = Criteria.Field(FieldFit.SharedBackground);
        foreach (var related in _mentee.RelatedFields)
            if (state.Fields.IdOf(Terms.Normalize(related)) is var id and >= 0)
                _fieldValue[id] = Criteria.Field(FieldFit.Related);
        if (_menteeField >= 0) _fieldValue[_menteeField] = Criteria.Field(FieldFit.Same);

        _menteeYears = _mentee.YearsOfExperience;
        _minAhead = options.MinYearsAhead;
        _stageValue = new float[(byte.MaxValue + 1) * StageKinds];
        _stageAllowed = new bool[(byte.MaxValue + 1) * StageKinds];
        for (var years = 0; years <= byte.MaxValue; years++)
            for (var kind = 0; kind < StageKinds; kind++)
            {
                _stageValue[years * StageKinds + kind] = Criteria.CareerStage(years - _menteeYears,
                    (kind & Segment.OpenToPeer) != 0, (kind & Segment.OpenToReverse) != 0, (kind & 1) != 0, _minAhead, options.MaxYearsAheadBeforeDecline, _mentee.Ask);
                _stageAllowed[years * StageKinds + kind] = HardFilters.Stage(_mentee.Ask, years - _menteeYears,
                    (kind & Segment.OpenToPeer) != 0, (kind & Segment.OpenToReverse) != 0, _minAhead) == Exclusion.None;
            }
        _soughtSkill = Table(state.Skills, _mentee.SkillsSought);
        _soughtSignature = Signature(_soughtSkill);

        _qualitiesSought = _mentee.QualitiesSought;
        _soughtQualities = BitOperations.PopCount((uint)_qualitiesSought);
        _qualitiesValue = new float[33];
        for (var k = 0; k <= _soughtQualities; k++)
            _qualitiesValue[k] = _soughtQualities == 0 ? Criteria.Qualities(MentorQualities.None, 0) : Criteria.QualitiesShared(k, _soughtQualities);

        _menteeInterest = Table(state.Interests, _mentee.Interests);
        _interestSignature = Signature(_menteeInterest);
        _interestsValue = Enumerable.Range(0, _menteeInterest.Length + 1).Select(Criteria.Interests).ToArray();

        var menteeZone = TimeZones.FindOrUtc(_mentee.TimeZone);
        _overlapHours = new double[state.Schedules.Count];
        _hoursValue = new float[state.Schedules.Count];
        _canMeet = new bool[state.Schedules.Count];
        for (var i = 0; i < _overlapHours.Length; i++)
        {
            var schedule = state.Schedules[i];
            _overlapHours[i] = TimeZones.WorkingHoursOverlap(menteeZone, _mentee.WorkingHours, TimeZones.FindOrUtc(schedule.ZoneId), schedule.Hours, request.ReferenceDate);
            var windowsDecide = Criteria.MeetingWindowsDecide(_mentee.MeetingWindows.Count, schedule.Windows.Count);
            var weeklyMinutes = windowsDecide || _mentee.RequiresMeetingOverlap
                ? HardFilters.WeeklyMinutes(_mentee.TimeZone, _mentee.WorkingHours, _mentee.MeetingWindows, schedule.ZoneId, schedule.Hours, schedule.Windows, request.ReferenceDate)
                : 0;
            _hoursValue[i] = windowsDecide ? Criteria.MeetingTime(weeklyMinutes) : Criteria.WorkingHours(_overlapHours[i], options.EnoughOverlapHours);
            _canMeet[i] = !_mentee.RequiresMeetingOverlap || HardFilters.CanMeet(weeklyMinutes);
        }
        _menteeLanguages = LanguageSet.From(_mentee.Languages);
        _requiredLanguages = LanguageSet.From(_mentee.RequiredLanguages);
        _formatsValue = new float[16];
        for (var f = 0; f < _formatsValue.Length; f++)
            _formatsValue[f] = Criteria.Formats(_mentee.FormatsPreferred, (MeetingFormats)f);

        var filter = request.Filter;
        _requireLanguage = _mentee.RequiresSharedLanguage;
        _anyFilter = !filter.IsEmpty;
        if (filter.Fields is not null) _fieldFilter = Table(state.Fields, filter.Fields);
        if (filter.SkillsOrTopics is not null) _skillFilter = Table(state.Skills, filter.SkillsOrTopics);
        if (filter.Languages is not null) (_hasLanguageFilter, _languageFilter) = (true, LanguageSet.From(filter.Languages));
        _formatsFilter = filter.Formats ?? MeetingFormats.None;
        _minOverlap = filter.MinOverlapHours ?? double.NegativeInfinity;
        _minYears = filter.MinYearsOfExperience ?? int.MinValue;
        _maxYears = filter.MaxYearsOfExperience ?? int.MaxValue;
        _peerFilter = filter.OpenToPeerOrReverse switch { null => -1, false => 0, true => 1 };
        _rowFilter = _fieldFilter is not null || _skillFilter is not null || filter.MinOverlapHours is not null
            || filter.MinYearsOfExperience is not null || filter.MaxYearsOfExperience is not null || _peerFilter >= 0;
    }

    /// <summary>
    /// Survivors of one segment: eligible rows that pass the mentee's hard filters and the search
    /// filters. Also fills <paramref name="speaking"/>: the rows sharing a language with the mentee.
    /// </summary>
    public void Prefilter(Segment segment, int segmentIndex, Span<ulong> bits, Span<ulong> speaking)
    {
        segment.Eligible.CopyTo(bits);
        segment.Speaking(_menteeLanguages, speaking);
        if (_requireLanguage)
            for (var w = 0; w < bits.Length; w++) bits[w] &= speaking[w];
        foreach (var language in _requiredLanguages.Bits())
        {
            if (segment.LanguageRows[language] is not { } speakers) { bits.Clear(); break; }
            for (var w = 0; w < bits.Length; w++) bits[w] &= speakers[w];
        }
        // The career-stage rule applies to every mentee: one table look-up per surviving row.
        var info = segment.Info;
        var allowed = _stageAllowed;
        var canMeet = _canMeet;
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            var keep = word;
            while (word != 0)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                ref var r = ref info[(w << 6) + bit];
                if (!allowed[r.Years * StageKinds + (r.Flags & (Segment.OpenToPeer | Segment.OpenToReverse))] || !canMeet[r.Schedule]) keep &= ~(1UL << bit);
            }
            bits[w] = keep;
        }
        if (_anyFilter)
        {
            Span<ulong> subset = stackalloc ulong[Segment.Words];
            if (_hasLanguageFilter)
            {
                segment.Speaking(_languageFilter, subset);
                for (var w = 0; w < bits.Length; w++) bits[w] &= subset[w];
            }
            if (_formatsFilter != MeetingFormats.None)
            {
                segment.Offering(_formatsFilter, subset);
                for (var w = 0; w < bits.Length; w++) bits[w] &= subset[w];
            }
            for (var w = 0; w < bits.Length && _rowFilter; w++)
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
        if (_relevanceQuery is not null) KeepRelevant(segment, bits);
    }

    /// <summary>
    /// Clears every row whose relevance to the query is below the threshold, so the count is honest.
    /// The int8 copy only rejects (its estimate plus the proven bound is still below); every other
    /// row is decided by its exact fp32 dot product, the value a test or a page would compute.
    /// </summary>
    private void KeepRelevant(Segment segment, Span<ulong> bits)
    {
        var query = _relevanceQuery!;
        var min = _minRelevance;
        var screen = _int8Relevance;
        var bound = screen is null ? 0f : Int8.Bound(segment.MaxQuantisationError, segment.MaxNorm, screen.Error, screen.Norm);
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            var keep = word;
            while (word != 0)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                var row = (w << 6) + bit;
                if (screen is not null
                    && Int8.Dot(ref segment.CodesRef(row), ref screen.AbsRef, ref screen.SignRef) * (segment.Scales[row] * screen.Scale) + bound < min)
                    keep &= ~(1UL << bit);
                else if (Vectors.Dot(segment.Row(row), query) < min)
                    keep &= ~(1UL << bit);
            }
            bits[w] = keep;
        }
    }

    private bool Passes(Segment s, int row)
    {
        ref var info = ref s.Info[row];
        if (_fieldFilter is not null && !_fieldFilter[info.Field]) return false;
        if (info.Years < _minYears || info.Years > _maxYears) return false;
        if (_overlapHours[info.Schedule] < _minOverlap) return false;
        if (_peerFilter >= 0 && ((info.Flags & (Segment.OpenToPeer | Segment.OpenToReverse)) != 0 ? 1 : 0) != _peerFilter) return false;
        if (_skillFilter is not null && !AnyOf(s.Skills[row], _skillFilter)) return false;
        return true;
    }

    /// <summary>
    /// Scores the survivors into the heap in two passes: the structured part from the small
    /// attribute arrays, then one sequential sweep of the embedding rows, so the matrix streams.
    /// </summary>
    /// <returns>How many rows were scored exactly from their fp32 row.</returns>
    public int Scan(Segment s, int segmentIndex, ReadOnlySpan<ulong> bits, ReadOnlySpan<ulong> speaking, SearchTopK top, Span<float> partials, Span<float> fits, Span<int> rows)
    {
        var w = _w;
        float w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3], w4 = w[4], w5 = w[5], w6 = w[6], w7 = w[7], wGoals = w[8];
        // Locals, not fields: the JIT cannot prove the stores below leave the fields unchanged,
        // so it would reload every table and its length on every row.
        var info = s.Info;
        var fieldValue = _fieldValue;
        var stageValue = _stageValue;
        var qualitiesValue = _qualitiesValue;
        var interestsValue = _interestsValue;
        var hoursValue = _hoursValue;
        var formatsValue = _formatsValue;
        var menteeFieldBit = _menteeFieldBit;
        var soughtSignature = _soughtSignature;
        var interestSignature = _interestSignature;
        var qualitiesSought = _qualitiesSought;
        var menteeYears = _menteeYears;
        var minAhead = _minAhead;
        float related = _relatedFieldValue, shared = _sharedLanguageValue, none = _noLanguageValue;
        var count = 0;
        var slowCount = 0;
        Span<int> slowRows = stackalloc int[Segment.Rows];
        for (var wi = 0; wi < bits.Length; wi++)
        {
            var word = bits[wi];
            var speakingWord = speaking[wi];
            while (word != 0)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                var row = (wi << 6) + bit;
                word &= word - 1;

                ref var r = ref info[row];
                // Rows whose id lists might share something with the mentee's take the exact slow
                // path below; keeping calls out of this loop keeps its tables in registers.
                var field = fieldValue[r.Field];
                int years = r.Years;
                var kind = r.Flags & (Segment.OpenToPeer | Segment.OpenToReverse);
                var slow = (field < related & (r.RelatedSignature & menteeFieldBit) != 0)
                    | (kind != 0 & years - menteeYears < minAhead & (r.SkillSignature & soughtSignature) != 0)
                    | (r.InterestSignature & interestSignature) != 0;
                if (slow)
                {
                    slowRows[slowCount++] = count;
                    rows[count++] = row;
                    continue;
                }
                var stage = stageValue[years * StageKinds + kind];
                var qualities = qualitiesValue[BitOperations.PopCount((uint)(r.Qualities & qualitiesSought))];
                var interests = interestsValue[0];
                var hours = hoursValue[r.Schedule];
                var language = (speakingWord & (1UL << bit)) != 0 ? shared : none;
                var formats = formatsValue[(int)r.Formats & 15];
                var availability = r.Availability;

                var relevance = 0f;
                relevance += w0 * field;
                relevance += w1 * stage;
                var fit = 0f;
                fit += w2 * qualities;
                fit += w3 * interests;
                fit += w4 * hours;
                fit += w5 * language;
                fit += w6 * formats;
                fit += w7 * availability;
                partials[count] = relevance;
                fits[count] = fit;
                rows[count++] = row;
            }
        }

        for (var i = 0; i < slowCount; i++)
        {
            var index = slowRows[i];
            (partials[index], fits[index]) = ExactPartial(s, rows[index], Segment.GetBit(speaking, rows[index]));
        }

        var query = _query;
        float unrelatedCosine = _unrelatedCosine, sameCosine = _sameCosine, unrelatedFitShare = _unrelatedFitShare;
        // When the filter leaves gaps between survivors the hardware prefetcher loses the stream;
        // asking for the row two survivors ahead keeps the memory bus busy.
        var gaps = count < Segment.Rows && count > 0 && rows[count - 1] + 1 != count;
        var exact = 0;
        if (_int8Query is { } q)
        {
            // The int8 screen (see Int8): a row is skipped only when even the upper bound of its
            // exact cosine could not lift it into the top k; every other row is scored below exactly
            // as in the fp32 scan, so the heap sees the same candidates and the result is identical.
            var bound = Int8.Bound(s.MaxQuantisationError, s.MaxNorm, q.Error, q.Norm);
            var queryScale = q.Scale;
            var scales = s.Scales;
            ref var queryAbs = ref q.AbsRef;
            ref var querySign = ref q.SignRef;
            for (var i = 0; i < count; i++)
            {
                if (gaps && i + 4 < count) s.PrefetchCodes(rows[i + 4]);
                float relevance = partials[i], fit = fits[i];
                var threshold = top.Threshold;
                // The fp32 scan's exact pruning (gate ≤ 1, goals ≤ 1).
                if (relevance + fit + wGoals < threshold) continue;
                var row = rows[i];
                // A row that reaches the threshold even with goals 0 is scored exactly without the screen.
                if (relevance + unrelatedFitShare * fit < threshold)
                {
                    // cosine ≤ estimate + bound, and the exact float score is non-decreasing in the
                    // cosine: Goals (clamp of (c − u)/(s − u), s > u) and FitGate (share + (1 − share)·g,
                    // share ∈ [0, 1]) are non-decreasing, every operation below has a non-negative
                    // multiplier, and float rounding is monotone. So the same float operations on the
                    // cosine's upper bound give an upper bound of the exact score; max(fit, 0) keeps
                    // that true even if a criterion ever went negative. See docs/performance.md.
                    var estimate = Int8.Dot(ref s.CodesRef(row), ref queryAbs, ref querySign) * (scales[row] * queryScale);
                    var goalsBound = Criteria.Goals(estimate + bound, unrelatedCosine, sameCosine);
                    var gateBound = Criteria.FitGate(goalsBound, unrelatedFitShare);
                    if (relevance + gateBound * MathF.Max(fit, 0f) + wGoals * goalsBound < threshold) continue;
                }
                exact++;
                Consider(s, segmentIndex, row, relevance, fit, query!, wGoals, top);
            }
            return exact;
        }

        for (var i = 0; i < count; i++)
        {
            if (gaps && i + 2 < count) s.Prefetch(rows[i + 2]);
            float relevance = partials[i], fit = fits[i];
            // Exact pruning: even a perfect text match (goals 1, full fit weight) could not lift
            // this row into the top k.
            if (relevance + fit + wGoals < top.Threshold) continue;
            exact++;
            Consider(s, segmentIndex, rows[i], relevance, fit, query, wGoals, top);
        }
        return exact;
    }

    /// <summary>The exact score of one row from its fp32 embedding, offered to the heap.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Consider(Segment s, int segmentIndex, int row, float relevance, float fit, float[]? query, float wGoals, SearchTopK top)
    {
        float cosine, goals, gate;
        if (query is null) (cosine, goals, gate) = (float.NaN, 0f, 1f);
        else
        {
            cosine = Vectors.Dot(s.Row(row), query);
            goals = Criteria.Goals(cosine, _unrelatedCosine, _sameCosine);
            gate = Criteria.FitGate(goals, _unrelatedFitShare);
        }
        var score = relevance + gate * fit + wGoals * goals;
        var id = s.Ids[row];
        if (!top.WouldAccept(score, id) || !AllowedPair(s, row, id)) return;
        top.Add(new Candidate(score, id, segmentIndex, row, cosine));
    }

    /// <summary>The structured part for a row whose id lists need reading; same values, same order as the fast path.</summary>
    private (float Relevance, float Fit) ExactPartial(Segment s, int row, bool speaks)
    {
        var w = _w;
        ref var r = ref s.Info[row];
        var field = _fieldValue[r.Field];
        if (field < _relatedFieldValue && (r.RelatedSignature & _menteeFieldBit) != 0 && Array.IndexOf(s.RelatedFields[row], _menteeField) >= 0)
            field = _relatedFieldValue;
        int years = r.Years;
        var kind = r.Flags & (Segment.OpenToPeer | Segment.OpenToReverse);
        if (kind != 0 && Criteria.IsPeerOrJunior(years - _menteeYears, _minAhead)
            && (r.SkillSignature & _soughtSignature) != 0 && AnyOf(s.Skills[row], _soughtSkill))
            kind |= 1;
        var stage = _stageValue[years * StageKinds + kind];
        var qualities = _qualitiesValue[BitOperations.PopCount((uint)(r.Qualities & _qualitiesSought))];
        var interests = _interestsValue[(r.InterestSignature & _interestSignature) == 0 ? 0 : SharedInterests(s, row)];
        var hours = _hoursValue[r.Schedule];
        var language = speaks ? _sharedLanguageValue : _noLanguageValue;
        var formats = _formatsValue[(int)r.Formats & 15];
        var availability = r.Availability;

        var relevance = 0f;
        relevance += w[0] * field;
        relevance += w[1] * stage;
        var fit = 0f;
        fit += w[2] * qualities;
        fit += w[3] * interests;
        fit += w[4] * hours;
        fit += w[5] * language;
        fit += w[6] * formats;
        fit += w[7] * availability;
        return (relevance, fit);
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

    private static ulong Signature(bool[] table)
    {
        var signature = 0UL;
        for (var id = 0; id < table.Length; id++)
            if (table[id]) signature |= 1UL << (id & 63);
        return signature;
    }

    private static bool[] Table(InternTable<string> vocabulary, IEnumerable<string> terms)
    {
        var table = new bool[vocabulary.Count];
        foreach (var term in terms)
            if (vocabulary.IdOf(Terms.Normalize(term)) is var id and >= 0)
                table[id] = true;
        return table;
    }

    private int SharedInterests(Segment s, int row)
    {
        var inline = s.InterestsInline.AsSpan(row * Segment.InlineInterests, Segment.InlineInterests);
        if (inline[0] == Segment.InterestsOverflow) return CountOf(s.Interests[row], _menteeInterest);
        var count = 0;
        foreach (var id in inline)
            if (id >= 0 && _menteeInterest[id]) count++;
        return count;
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
