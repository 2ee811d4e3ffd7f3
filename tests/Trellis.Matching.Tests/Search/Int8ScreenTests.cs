using System.Numerics.Tensors;
using CsCheck;
using Trellis.Bench.Search;
using Trellis.Matching.Scoring;
using Trellis.Matching.Search;
using Trellis.Matching.Tests.Support;

namespace Trellis.Matching.Tests.Search;

/// <summary>
/// The int8 screen must return exactly what the fp32 scan returns: the same ids, in the same
/// order, with the same scores (bit for bit), and the same count of matching mentors.
/// </summary>
public sealed class Int8ScreenTests
{
    private static readonly string[] Fields = ["design", "law", "data"];
    private static readonly string[] Skills = ["figma", "sql", "negotiation"];
    private static readonly string[] Interests = ["chess", "jazz", "climbing"];
    private static readonly string[] Zones = ["Europe/London", "America/New_York", "Asia/Tokyo"];

    private static void AssertSame(MentorIndex index, MentorSearchRequest request)
    {
        var int8 = index.Search(request, SearchScan.Int8, out _);
        var fp32 = index.Search(request, SearchScan.Fp32, out _);
        Assert.Equal(fp32.TotalMatching, int8.TotalMatching);
        Assert.Equal(fp32.Matches.Select(m => (m.MentorId, m.Score, Builders.Explanation(m))), int8.Matches.Select(m => (m.MentorId, m.Score, Builders.Explanation(m))));
    }

    /// <summary>
    /// Mentor vectors are the mentee's goals plus noise of random strength, so cosines cover the
    /// whole range where the goals criterion moves (0.20–0.55) and beyond; small attribute pools
    /// (or one shared set of attributes) make structured scores tie; some rows are duplicates, zero, unnormalised or missing,
    /// and some are updated or removed after the build. Since the merge with the fit-gate scoring,
    /// populations also draw <see cref="MatchingOptions.UnrelatedFitShare"/> (0, 1 or in between) and
    /// the goals band, and many mentor vectors are, like <c>SentenceEmbedder.EmbedMentor</c>'s, the mean
    /// of three unit vectors (norm below 1), including crowded ones.
    /// </summary>
    [Fact]
    public void Int8Screen_ReturnsExactlyTheFp32Result_OnRandomPopulations() =>
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var goals = Vector(random, null, 0);
            var mentee = new MenteeProfile
            {
                Id = NewId(random),
                Field = Fields[random.Next(Fields.Length)],
                YearsOfExperience = random.Next(15),
                SkillsSought = [Skills[random.Next(Skills.Length)]],
                QualitiesSought = (MentorQualities)random.Next(16),
                Interests = [Interests[random.Next(Interests.Length)]],
                TimeZone = Zones[random.Next(Zones.Length)],
                Languages = ["en"],
                FormatsPreferred = (MeetingFormats)random.Next(16),
                Embedding = goals,
            };
            // Half the populations share one set of attributes, so text alone decides and the
            // cut-off of the top k falls among many rows with nearly equal cosines.
            // The pull toward the mentee's goals is capped per population, so the best cosines
            // land anywhere from well inside the band where the goals value moves to far above it.
            var pull = 0.1f + random.NextSingle() * (random.Next(2) == 0 ? 0.2f : 1f);
            var uniform = random.Next(2) == 0 ? Mentor(random, goals, pull) : null;
            // Some populations are crowded: every cosine within ±spread of one value inside the
            // band, far closer together than the int8 estimate can tell apart.
            var crowded = random.Next(2) == 0;
            var center = 0.22f + 0.3f * random.NextSingle();
            var spread = MathF.Pow(10, -5 + 2 * random.NextSingle());
            // Crowded rows keep their dot product with the goals in the crowd whatever their norm:
            // a unit vector at cosine c/n, scaled to norm n (n = 1, or below 1 like a mean of three parts).
            var meanOfParts = random.Next(2) == 0;
            float[] Embedding()
            {
                if (crowded)
                {
                    var cosine = center + spread * (2 * random.NextSingle() - 1);
                    var norm = meanOfParts && random.Next(2) == 0 ? 0.6f + 0.4f * random.NextSingle() : 1f;
                    return norm == 1f ? Crowded(random, goals, cosine) : Scaled(Crowded(random, goals, cosine / norm), norm);
                }
                return meanOfParts && random.Next(3) != 0 ? MeanOfThree(random, goals, pull) : Vector(random, goals, random.NextSingle() * pull);
            }
            MentorProfile Next() => uniform is null
                ? Mentor(random, goals, pull) is var m && crowded && m.Embedding is not null ? m with { Embedding = Embedding() } : m
                : uniform with { Id = NewId(random), Embedding = Embedding() };
            var mentors = Enumerable.Range(0, random.Next(1, 4000)).Select(_ => Next()).ToList();
            var options = new MatchingOptions
            {
                UnrelatedFitShare = random.Next(4) switch { 0 => 0, 1 => 1, _ => random.NextDouble() },
            };
            if (random.Next(3) == 0)
            {
                options.UnrelatedTextCosine = 0.1 + 0.2 * random.NextDouble();
                options.SameTextCosine = options.UnrelatedTextCosine + 0.05 + 0.5 * random.NextDouble();
            }
            var index = MentorIndex.Build(mentors, options);
            foreach (var mentor in mentors.Where(_ => random.Next(10) == 0).ToList())
                index.AddOrUpdate(Next() with { Id = mentor.Id });
            foreach (var mentor in mentors.Where(_ => random.Next(20) == 0))
                index.Remove(mentor.Id);

            var filter = random.Next(3) switch
            {
                0 => MentorFilter.None,
                1 => new MentorFilter { Formats = MeetingFormats.Video },
                _ => new MentorFilter { Fields = [Fields[random.Next(Fields.Length)]] },
            };
            var query = random.Next(3) == 0 ? Vector(random, goals, random.NextSingle()) : null;
            AssertSame(index, new MentorSearchRequest
            {
                Mentee = mentee, ReferenceDate = Builders.November, Filter = filter, QueryEmbedding = query,
                MinQueryRelevance = query is not null && random.Next(2) == 0 ? random.NextSingle() * 0.6f - 0.1f : null,
                Take = random.Next(1, 101),
            });
        }, iter: 60);

    /// <summary>The benchmark's own population (seed 42, mentee seed 7) at 100,000 mentors, with its three filters and other mentees.</summary>
    [Fact]
    public void Int8Screen_ReturnsExactlyTheFp32Result_OnTheBenchmarkSeeds()
    {
        var index = new MentorIndex();
        foreach (var batch in SyntheticMentors.Generate(100_000).Chunk(16_384)) index.AddOrUpdate(batch);
        MentorFilter[] filters =
        [
            MentorFilter.None, new MentorFilter { Formats = MeetingFormats.Video },
            new MentorFilter { Fields = [SyntheticMentors.FieldName(0)] },
        ];
        foreach (var menteeSeed in new[] { 7, 1, 2, 3 })
            foreach (var filter in filters)
                foreach (var take in new[] { 10, 100 })
                    AssertSame(index, new MentorSearchRequest
                    {
                        Mentee = SyntheticMentors.Mentee(menteeSeed), ReferenceDate = Builders.November, Filter = filter, Take = take,
                    });
    }

    /// <summary>The bound the screen relies on, checked directly, including vectors that quantise badly.</summary>
    [Fact]
    public void Bound_CoversTheDifferenceBetweenTheEstimateAndTheFp32Cosine() =>
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var y = Vector(random, null, 0);
            var x = random.Next(3) == 0 ? MeanOfThree(random, y, random.NextSingle()) : Vector(random, null, 0);
            if (random.Next(3) == 0) x[random.Next(x.Length)] = 40f * (random.NextSingle() - 0.5f); // one large component: coarse scale
            if (random.Next(3) == 0) TensorPrimitives.Multiply(y, 1 + 5 * random.NextSingle(), y);
            var codes = new sbyte[Segment.Dim];
            var (scale, error, norm) = Int8.Quantise(x, codes);
            var query = new Int8Query(y);
            var estimate = Int8.Dot(ref codes[0], ref query.Abs[0], ref query.Sign[0]) * (scale * query.Scale);
            var bound = Int8.Bound(error, norm, query.Error, query.Norm);
            var cosine = Vectors.Dot(x, y);
            Assert.True(cosine <= estimate + bound && cosine >= estimate - bound, $"cosine {cosine}, estimate {estimate}, bound {bound}");

            var reference = 0;
            for (var i = 0; i < codes.Length; i++) reference += codes[i] * (query.Sign[i] < 0 ? -query.Abs[i] : query.Abs[i]);
            Assert.Equal(reference, Int8.Dot(ref codes[0], ref query.Abs[0], ref query.Sign[0]));
        }, iter: 2000);

    private static MentorProfile Mentor(Random random, float[] goals, float pull)
    {
        var capacity = random.Next(1, 4);
        return new MentorProfile
        {
            Id = NewId(random),
            Field = Fields[random.Next(Fields.Length)],
            YearsOfExperience = random.Next(25),
            Skills = [Skills[random.Next(Skills.Length)]],
            QualitiesOffered = (MentorQualities)random.Next(16),
            Interests = [Interests[random.Next(Interests.Length)]],
            TimeZone = Zones[random.Next(Zones.Length)],
            Languages = ["en"],
            Formats = (MeetingFormats)random.Next(16),
            OpenToMentoring = true,
            Capacity = capacity,
            ActiveMentees = random.Next(capacity),
            HoursPerMonth = random.Next(2, 11),
            Embedding = random.Next(12) switch
            {
                0 => null,
                1 => new float[Segment.Dim],
                2 => (float[])goals.Clone(),
                3 => Scaled(Vector(random, goals, random.NextSingle() * pull), 0.5f + 2 * random.NextSingle()),
                4 or 5 => MeanOfThree(random, goals, pull),
                _ => Vector(random, goals, random.NextSingle() * pull),
            },
        };
    }

    /// <summary>A unit vector: <paramref name="toward"/> times a weight of up to 3× the noise's, plus uniform noise.</summary>
    private static float[] Vector(Random random, float[]? toward, float pull)
    {
        var v = new float[Segment.Dim];
        for (var i = 0; i < v.Length; i++) v[i] = (random.NextSingle() * 2 - 1) / MathF.Sqrt(Segment.Dim / 3f);
        if (toward is not null)
            for (var i = 0; i < v.Length; i++) v[i] += 3 * pull * toward[i];
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }

    /// <summary>
    /// Like <c>SentenceEmbedder.EmbedMentor</c>: the mean of three unit vectors (whole profile,
    /// experience, topics), so its norm is below 1 and differs from row to row.
    /// </summary>
    private static float[] MeanOfThree(Random random, float[] goals, float pull)
    {
        var mean = new float[Segment.Dim];
        for (var part = 0; part < 3; part++)
            TensorPrimitives.Add(mean, Vector(random, goals, random.NextSingle() * pull), mean);
        TensorPrimitives.Divide(mean, 3f, mean);
        return mean;
    }

    /// <summary>A unit vector whose cosine with the unit vector <paramref name="toward"/> is <paramref name="cosine"/>.</summary>
    private static float[] Crowded(Random random, float[] toward, float cosine)
    {
        var noise = Vector(random, null, 0);
        TensorPrimitives.MultiplyAdd(toward, -TensorPrimitives.Dot(noise, toward), noise, noise);
        TensorPrimitives.Divide(noise, TensorPrimitives.Norm(noise), noise);
        var v = new float[Segment.Dim];
        for (var i = 0; i < v.Length; i++) v[i] = cosine * toward[i] + MathF.Sqrt(1 - cosine * cosine) * noise[i];
        return v;
    }

    private static Guid NewId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static float[] Scaled(float[] v, float factor)
    {
        TensorPrimitives.Multiply(v, factor, v);
        return v;
    }
}
