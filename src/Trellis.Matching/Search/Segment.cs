using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Trellis.Matching.Scoring;

namespace Trellis.Matching.Search;

/// <summary>What the scan reads for every row, packed into one record so it streams as one array.</summary>
internal struct RowInfo
{
    // One bit per id (id mod 64) for each id list: a cheap exact "nothing in common" test, so the
    // scan only follows a row's list when the lists might share an id.
    public ulong RelatedSignature, SkillSignature, InterestSignature;
    public int Field, Schedule;

    /// <summary>The availability criterion does not depend on the mentee, so it is worked out when the row is written.</summary>
    public float Availability;
    public MentorQualities Qualities;
    public byte Years, Flags;
    public MeetingFormats Formats;
}

/// <summary>
/// A block of mentor rows: one contiguous row-major embedding matrix plus the structured
/// attributes. Published segments are never changed; a writer edits a copy (copy-on-write), so
/// readers scan without locks.
/// </summary>
internal sealed class Segment
{
    public const int Rows = 2048;
    public const int Words = Rows / 64;
    public const int Dim = MentorIndex.Dimensions;
    public const byte OpenToMentoring = 1, OpenToPeer = 2, OpenToReverse = 4;
    public const int InlineInterests = 4;
    public const int InterestsOverflow = int.MinValue;

    // Pinned (never moves) and padded so row 0 starts on a 64-byte boundary: every row is then
    // cache-line aligned (1536 = 24 × 64) and a 512-bit load never straddles two lines.
    private float[] _embeddings;
    private int _offset;

    // The int8 copy of every row (see Int8), same layout: 384 bytes = 6 cache lines per row,
    // 64-byte aligned, scanned instead of the fp32 rows. One scale per row.
    private sbyte[] _codes;
    private int _codesOffset;
    public float[] Scales = new float[Rows];

    /// <summary>Largest quantisation error ‖x − x̃‖ and largest norm ‖x‖ of any row ever written here (never lowered: still a bound).</summary>
    public double MaxQuantisationError, MaxNorm;

    public Guid[] Ids = new Guid[Rows];
    public MentorProfile?[] Profiles = new MentorProfile?[Rows];
    public RowInfo[] Info = new RowInfo[Rows];
    public int[][] RelatedFields = new int[Rows][];
    public int[][] Skills = new int[Rows][];
    public int[][] Interests = new int[Rows][];

    /// <summary>Up to <see cref="InlineInterests"/> interest ids per row, −1 padded, or <see cref="InterestsOverflow"/> first when the row has more (then see <see cref="Interests"/>).</summary>
    public int[] InterestsInline = new int[Rows * InlineInterests];
    public LanguageSet[] Languages = new LanguageSet[Rows];

    /// <summary>For each ISO 639-1 language, the rows whose mentor speaks it (null when none does).</summary>
    public ulong[]?[] LanguageRows = new ulong[]?[LanguageSet.Capacity];

    /// <summary>For each meeting format (bit 0–3), the rows whose mentor offers it.</summary>
    public ulong[][] FormatRows = [new ulong[Words], new ulong[Words], new ulong[Words], new ulong[Words]];

    /// <summary>Rows holding a mentor who is open to mentoring and has room: the hard filters that need no mentee.</summary>
    public ulong[] Eligible = new ulong[Words];
    public ulong[] Live = new ulong[Words];

    public Segment()
    {
        (_embeddings, _offset) = AllocateAligned<float>();
        (_codes, _codesOffset) = AllocateAligned<sbyte>();
    }

    public Span<float> Row(int row) => _embeddings.AsSpan(_offset + row * Dim, Dim);

    public Span<sbyte> Codes(int row) => _codes.AsSpan(_codesOffset + row * Dim, Dim);

    public ref sbyte CodesRef(int row) => ref _codes[_codesOffset + row * Dim];

    /// <summary>Stores a row's embedding (zeros when null) and its int8 copy.</summary>
    public void SetEmbedding(int row, ReadOnlySpan<float> embedding)
    {
        var target = Row(row);
        if (embedding.IsEmpty) target.Clear();
        else embedding.CopyTo(target);
        var (scale, error, norm) = Int8.Quantise(target, Codes(row));
        Scales[row] = scale;
        MaxQuantisationError = Math.Max(MaxQuantisationError, error);
        MaxNorm = Math.Max(MaxNorm, norm);
    }

    public unsafe void PrefetchCodes(int row)
    {
        if (!Sse.IsSupported) return;
        var start = (byte*)Unsafe.AsPointer(ref _codes[_codesOffset + row * Dim]);
        for (var line = 0; line < Dim; line += 64)
            Sse.Prefetch0(start + line);
    }

    public unsafe void Prefetch(int row)
    {
        if (!Sse.IsSupported) return;
        // Pinned storage: the address cannot move under us.
        var start = (byte*)Unsafe.AsPointer(ref _embeddings[_offset + row * Dim]);
        for (var line = 0; line < Dim * sizeof(float); line += 64)
            Sse.Prefetch0(start + line);
    }

    public ReadOnlySpan<float> Matrix(int rows) => _embeddings.AsSpan(_offset, rows * Dim);

    public ReadOnlySpan<sbyte> CodesMatrix(int rows) => _codes.AsSpan(_codesOffset, rows * Dim);

    private static unsafe (T[] Store, int Offset) AllocateAligned<T>() where T : unmanaged
    {
        var store = GC.AllocateArray<T>(Rows * Dim + 64 / sizeof(T), pinned: true);
        var address = (nuint)Unsafe.AsPointer(ref store[0]);
        return (store, (int)((64 - address % 64) % 64 / (nuint)sizeof(T)));
    }

    public Segment Clone()
    {
        var copy = (Segment)MemberwiseClone();
        (copy._embeddings, copy._offset) = AllocateAligned<float>();
        Matrix(Rows).CopyTo(copy._embeddings.AsSpan(copy._offset, Rows * Dim));
        (copy._codes, copy._codesOffset) = AllocateAligned<sbyte>();
        CodesMatrix(Rows).CopyTo(copy._codes.AsSpan(copy._codesOffset, Rows * Dim));
        copy.Scales = (float[])Scales.Clone();
        copy.Ids = (Guid[])Ids.Clone();
        copy.Profiles = (MentorProfile?[])Profiles.Clone();
        copy.Info = (RowInfo[])Info.Clone();
        copy.RelatedFields = (int[][])RelatedFields.Clone();
        copy.Skills = (int[][])Skills.Clone();
        copy.Interests = (int[][])Interests.Clone();
        copy.InterestsInline = (int[])InterestsInline.Clone();
        copy.Languages = (LanguageSet[])Languages.Clone();
        copy.LanguageRows = LanguageRows.Select(r => (ulong[]?)r?.Clone()).ToArray();
        copy.FormatRows = FormatRows.Select(r => (ulong[])r.Clone()).ToArray();
        copy.Eligible = (ulong[])Eligible.Clone();
        copy.Live = (ulong[])Live.Clone();
        return copy;
    }

    public void SetLanguages(int row, LanguageSet languages)
    {
        foreach (var bit in Languages[row].Bits())
            SetBit(LanguageRows[bit]!, row, false);
        foreach (var bit in languages.Bits())
            SetBit(LanguageRows[bit] ??= new ulong[Words], row, true);
        Languages[row] = languages;
    }

    public void SetFormats(int row, MeetingFormats formats)
    {
        for (var f = 0; f < FormatRows.Length; f++)
            SetBit(FormatRows[f], row, ((int)formats & (1 << f)) != 0);
    }

    /// <summary>Rows offering any of <paramref name="formats"/>.</summary>
    public void Offering(MeetingFormats formats, Span<ulong> rows)
    {
        rows.Clear();
        for (var f = 0; f < FormatRows.Length; f++)
            if (((int)formats & (1 << f)) != 0)
                for (var w = 0; w < rows.Length; w++) rows[w] |= FormatRows[f][w];
    }

    /// <summary>Rows speaking any of <paramref name="languages"/>.</summary>
    public void Speaking(LanguageSet languages, Span<ulong> rows)
    {
        rows.Clear();
        foreach (var bit in languages.Bits())
            if (LanguageRows[bit] is { } speakers)
                for (var w = 0; w < rows.Length; w++) rows[w] |= speakers[w];
    }

    public void Clear(int row)
    {
        Row(row).Clear();
        Codes(row).Clear();
        Scales[row] = 0;
        InterestsInline.AsSpan(row * InlineInterests, InlineInterests).Fill(-1);
        Ids[row] = Guid.Empty;
        Profiles[row] = null;
        Info[row] = default;
        RelatedFields[row] = Skills[row] = Interests[row] = [];
        SetLanguages(row, LanguageSet.Empty);
        SetFormats(row, MeetingFormats.None);
        SetBit(Live, row, false);
        SetBit(Eligible, row, false);
    }

    public static ulong Signature(ReadOnlySpan<int> ids)
    {
        var signature = 0UL;
        foreach (var id in ids) signature |= 1UL << (id & 63);
        return signature;
    }

    public static void SetBit(ulong[] words, int row, bool on)
    {
        if (on) words[row >> 6] |= 1UL << (row & 63);
        else words[row >> 6] &= ~(1UL << (row & 63));
    }

    public static bool GetBit(ReadOnlySpan<ulong> words, int row) => (words[row >> 6] & (1UL << (row & 63))) != 0;

    /// <summary>Bytes held by this segment's arrays, including the small per-row id lists.</summary>
    public long Bytes()
    {
        long bytes = _embeddings.Length * 4L + _codes.Length + Scales.Length * 4L + InterestsInline.Length * 4L + Ids.Length * 16L + Profiles.Length * 8L
            + Info.Length * (long)Unsafe.SizeOf<RowInfo>() + Languages.Length * 24L + (Eligible.Length + Live.Length) * 8L
            + 3 * Rows * 8L + 4 * Words * 8L + LanguageRows.Length * 8L + LanguageRows.Count(r => r is not null) * (24L + Words * 8);
        for (var i = 0; i < Rows; i++)
            bytes += ArrayBytes(RelatedFields[i]) + ArrayBytes(Skills[i]) + ArrayBytes(Interests[i]);
        return bytes;
    }

    private static long ArrayBytes(int[]? a) => a is null || a.Length == 0 ? 0 : 24 + a.Length * 4L;
}
