using Trellis.Matching.Scoring;
using Trellis.Matching.Text;

namespace Trellis.Matching.Search;

/// <summary>
/// A block of mentor rows: one contiguous row-major embedding matrix plus the structured
/// attributes as parallel arrays. Published segments are never changed; a writer edits a copy
/// (copy-on-write), so readers scan without locks.
/// </summary>
internal sealed class Segment
{
    public const int Rows = 2048;
    public const int Words = Rows / 64;
    public const int Dim = SentenceEmbedder.Dimensions;

    public const byte OpenToMentoring = 1, OpenToPeer = 2, OpenToReverse = 4;

    public float[] Embeddings = new float[Rows * Dim];
    public Guid[] Ids = new Guid[Rows];
    public MentorProfile?[] Profiles = new MentorProfile?[Rows];
    public int[] Field = new int[Rows];
    public int[][] RelatedFields = new int[Rows][];
    public int[][] Skills = new int[Rows][];
    public int[][] Interests = new int[Rows][];
    public byte[] Years = new byte[Rows];
    public byte[] Flags = new byte[Rows];
    public MeetingFormats[] Formats = new MeetingFormats[Rows];
    public MentorQualities[] Qualities = new MentorQualities[Rows];
    public byte[] Remaining = new byte[Rows];
    public byte[] HoursPerMonth = new byte[Rows];
    public LanguageSet[] Languages = new LanguageSet[Rows];
    public int[] Schedule = new int[Rows];

    /// <summary>Rows holding a mentor who is open to mentoring and has room: the hard filters that need no mentee.</summary>
    public ulong[] Eligible = new ulong[Words];
    public ulong[] Live = new ulong[Words];

    public Segment Clone()
    {
        var copy = (Segment)MemberwiseClone();
        copy.Embeddings = (float[])Embeddings.Clone();
        copy.Ids = (Guid[])Ids.Clone();
        copy.Profiles = (MentorProfile?[])Profiles.Clone();
        copy.Field = (int[])Field.Clone();
        copy.RelatedFields = (int[][])RelatedFields.Clone();
        copy.Skills = (int[][])Skills.Clone();
        copy.Interests = (int[][])Interests.Clone();
        copy.Years = (byte[])Years.Clone();
        copy.Flags = (byte[])Flags.Clone();
        copy.Formats = (MeetingFormats[])Formats.Clone();
        copy.Qualities = (MentorQualities[])Qualities.Clone();
        copy.Remaining = (byte[])Remaining.Clone();
        copy.HoursPerMonth = (byte[])HoursPerMonth.Clone();
        copy.Languages = (LanguageSet[])Languages.Clone();
        copy.Schedule = (int[])Schedule.Clone();
        copy.Eligible = (ulong[])Eligible.Clone();
        copy.Live = (ulong[])Live.Clone();
        return copy;
    }

    public void Clear(int row)
    {
        Array.Clear(Embeddings, row * Dim, Dim);
        Ids[row] = Guid.Empty;
        Profiles[row] = null;
        RelatedFields[row] = Skills[row] = Interests[row] = [];
        SetBit(Live, row, false);
        SetBit(Eligible, row, false);
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
        long bytes = Embeddings.Length * 4L + Ids.Length * 16L + Profiles.Length * 8L + Field.Length * 4L
            + Years.Length + Flags.Length + Formats.Length + Qualities.Length * 4L + Remaining.Length + HoursPerMonth.Length
            + Languages.Length * 24L + Schedule.Length * 4L + (Eligible.Length + Live.Length) * 8L + 3 * Rows * 8L;
        for (var i = 0; i < Rows; i++)
            bytes += ArrayBytes(RelatedFields[i]) + ArrayBytes(Skills[i]) + ArrayBytes(Interests[i]);
        return bytes;
    }

    private static long ArrayBytes(int[]? a) => a is null || a.Length == 0 ? 0 : 24 + a.Length * 4L;
}
