using System.Numerics.Tensors;
using Trellis.Matching.Scoring;
using Trellis.Matching.Search;
using Trellis.Matching.Tests.Support;

namespace Trellis.Matching.Tests.Search;

public sealed class MentorIndexTests
{
    private static MentorSearchRequest Request(MenteeProfile mentee, MentorFilter? filter = null, int take = 10) =>
        new() { Mentee = mentee, ReferenceDate = Builders.November, Filter = filter ?? MentorFilter.None, Take = take };

    [Fact]
    public void Search_NeverReturnsClosedFullSelfBlockedOrLanguageless()
    {
        var mentee = Builders.Mentee() with { Languages = ["es"] };
        var good = Builders.Mentor() with { Languages = ["es", "en"] };
        var mentors = new[]
        {
            good,
            Builders.Mentor() with { Languages = ["es"], OpenToMentoring = false },
            Builders.Mentor() with { Languages = ["es"], Capacity = 2, ActiveMentees = 2 },
            Builders.Mentor(mentee.Id) with { Languages = ["es"] },
            Builders.Mentor() with { Languages = ["es"], BlockedIds = [mentee.Id] },
            Builders.Mentor() with { Languages = ["en"] },
        };
        var blockedByMentee = Builders.Mentor() with { Languages = ["es"] };
        var index = MentorIndex.Build([.. mentors, blockedByMentee]);

        var result = index.Search(Request(mentee with { BlockedIds = [blockedByMentee.Id] }));

        Assert.Equal([good.Id], result.Matches.Select(m => m.MentorId));
        Assert.Equal(1, result.TotalMatching);
    }

    [Fact]
    public void Search_AppliesEverySearchFilter()
    {
        var mentee = Builders.Mentee() with { TimeZone = "Europe/London" };
        var match = Builders.Mentor() with
        {
            Field = "Design",
            Skills = ["Figma"],
            Languages = ["en", "pt"],
            Formats = MeetingFormats.InPerson,
            TimeZone = "Europe/Lisbon",
            YearsOfExperience = 10,
            OpenToReverseMentoring = true,
        };
        var index = MentorIndex.Build([
            match,
            match with { Id = Guid.NewGuid(), Field = "Law" },
            match with { Id = Guid.NewGuid(), Skills = ["Sketch"] },
            match with { Id = Guid.NewGuid(), Languages = ["en"] },
            match with { Id = Guid.NewGuid(), Formats = MeetingFormats.Phone },
            match with { Id = Guid.NewGuid(), TimeZone = "Asia/Tokyo" },
            match with { Id = Guid.NewGuid(), YearsOfExperience = 30 },
            match with { Id = Guid.NewGuid(), OpenToReverseMentoring = false },
        ]);
        var filter = new MentorFilter
        {
            Fields = ["design"], SkillsOrTopics = ["figma", "illustrator"], Languages = ["pt"], Formats = MeetingFormats.InPerson | MeetingFormats.Messages,
            MinOverlapHours = 6, MinYearsOfExperience = 5, MaxYearsOfExperience = 20, OpenToPeerOrReverse = true,
        };

        var result = index.Search(Request(mentee, filter));

        Assert.Equal([match.Id], result.Matches.Select(m => m.MentorId));
    }

    [Fact]
    public void Search_ResultScore_EqualsItsBreakdown_AndTheProfilePageExplanation()
    {
        var mentee = Builders.Mentee() with { Embedding = Builders.UnitVector(1), Interests = ["jazz"] };
        var mentors = Enumerable.Range(0, 50).Select(i => Builders.Mentor() with { Embedding = Builders.UnitVector(100 + i), YearsOfExperience = i % 25, Interests = i % 3 == 0 ? ["Jazz"] : [] }).ToList();
        var index = MentorIndex.Build(mentors);

        var result = index.Search(Request(mentee, take: 20));

        Assert.Equal(20, result.Matches.Count);
        foreach (var match in result.Matches)
        {
            Assert.Equal(match.Score, match.Breakdown.Total);
            Assert.Equal(match.Score, index.Explain(mentee, match.MentorId, Builders.November)!.Total);
            Assert.Equal(match.Score, index.Scorer.Score(mentee, mentors.Single(m => m.Id == match.MentorId), Builders.November).Total, 5);
        }
        Assert.True(result.Matches.Zip(result.Matches.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void Search_EqualScores_AreOrderedById()
    {
        var twin = Builders.Mentor();
        var ids = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        var index = MentorIndex.Build(ids.Select(id => twin with { Id = id }));

        var result = index.Search(Request(Builders.Mentee(), take: 30));

        Assert.Equal(ids.Order(), result.Matches.Select(m => m.MentorId));
    }

    [Fact]
    public void Search_Pages_AreSlicesOfOneRanking()
    {
        var index = MentorIndex.Build(Enumerable.Range(0, 40).Select(i => Builders.Mentor() with { Embedding = Builders.UnitVector(i) }));
        var mentee = Builders.Mentee() with { Embedding = Builders.UnitVector(999) };
        var all = index.Search(Request(mentee, take: 40)).Matches.Select(m => m.MentorId).ToList();

        var page2 = index.Search(Request(mentee, take: 10) with { Skip = 10 }).Matches.Select(m => m.MentorId);

        Assert.Equal(all.Skip(10).Take(10), page2);
    }

    [Fact]
    public void Search_QueryText_PullsTheMatchingMentorUp()
    {
        var wanted = Builders.Mentor() with { Embedding = Builders.UnitVector(5) };
        var index = MentorIndex.Build([wanted, .. Enumerable.Range(10, 30).Select(i => Builders.Mentor() with { Embedding = Builders.UnitVector(i) })]);
        var mentee = Builders.Mentee() with { Embedding = Builders.UnitVector(6) };

        var result = index.Search(Request(mentee) with { QueryEmbedding = Builders.UnitVector(5), QueryWeight = 0.8f });

        Assert.Equal(wanted.Id, result.Matches[0].MentorId);
    }

    [Fact]
    public void Search_WithAQueryThreshold_KeepsOnlyRelevantMentors_AndCountsOnlyThem()
    {
        var query = Builders.UnitVector(5);
        // Mentors from unrelated (share 0) to the query itself (share 1), so the threshold cuts through the middle.
        var mentors = Enumerable.Range(0, 60).Select(i => Builders.Mentor() with { Embedding = Mix(query, Builders.UnitVector(100 + i), i / 59f) }).ToList();
        var index = MentorIndex.Build(mentors);
        var mentee = Builders.Mentee() with { Embedding = Builders.UnitVector(6) };
        var relevant = mentors.Where(m => TensorPrimitives.Dot(m.Embedding!, query) >= 0.3f).Select(m => m.Id).ToHashSet();

        var result = index.Search(Request(mentee, take: 60) with { QueryEmbedding = query, MinQueryRelevance = 0.3f });

        Assert.InRange(relevant.Count, 20, 50);
        Assert.Equal(relevant.Count, result.TotalMatching);
        Assert.Equal(relevant, result.Matches.Select(m => m.MentorId).ToHashSet());
    }

    private static float[] Mix(float[] a, float[] b, float shareOfA)
    {
        var v = a.Zip(b, (x, y) => shareOfA * x + (1 - shareOfA) * y).ToArray();
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }

    [Fact]
    public void Search_WithAQueryNobodyIsCloseTo_FindsNoOne_AndWithoutTheThresholdEveryone()
    {
        var mentors = Enumerable.Range(0, 20).Select(i => Builders.Mentor() with { Embedding = Builders.UnitVector(i) }).ToList();
        var index = MentorIndex.Build(mentors);
        var far = Builders.UnitVector(5).Select(x => -x).ToArray();
        var request = Request(Builders.Mentee(), take: 20) with { QueryEmbedding = far };

        Assert.Equal(0, index.Search(request with { MinQueryRelevance = 0.99f }).TotalMatching);
        Assert.Empty(index.Search(request with { MinQueryRelevance = 0.99f }).Matches);
        Assert.Equal(20, index.Search(request).TotalMatching);
    }

    [Fact]
    public void AddOrUpdate_AndRemove_ChangeWhatSearchSees()
    {
        var mentor = Builders.Mentor();
        var index = MentorIndex.Build([mentor, Builders.Mentor()]);
        var mentee = Builders.Mentee();

        index.AddOrUpdate(mentor with { ActiveMentees = mentor.Capacity });
        Assert.DoesNotContain(mentor.Id, index.Search(Request(mentee)).Matches.Select(m => m.MentorId));

        index.AddOrUpdate(mentor with { BlockedIds = [] });
        Assert.Contains(mentor.Id, index.Search(Request(mentee)).Matches.Select(m => m.MentorId));

        index.AddOrUpdate(mentor with { BlockedIds = [mentee.Id] });
        Assert.DoesNotContain(mentor.Id, index.Search(Request(mentee)).Matches.Select(m => m.MentorId));

        Assert.True(index.Remove(mentor.Id));
        Assert.False(index.Remove(mentor.Id));
        Assert.Equal(1, index.Count);
        Assert.Null(index.Explain(mentee, mentor.Id, Builders.November));

        var newcomer = Builders.Mentor();
        index.AddOrUpdate(newcomer);
        Assert.Equal(2, index.Count);
        Assert.Contains(newcomer.Id, index.Search(Request(mentee)).Matches.Select(m => m.MentorId));
    }

    [Fact]
    public async Task Search_WhileAWriterUpdates_AlwaysSeesAConsistentIndex()
    {
        var mentors = Enumerable.Range(0, 5000).Select(i => Builders.Mentor() with { Embedding = Builders.UnitVector(i % 97) }).ToList();
        var index = MentorIndex.Build(mentors);
        var mentee = Builders.Mentee() with { Embedding = Builders.UnitVector(1) };
        using var stop = new CancellationTokenSource();

        var writer = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var m = mentors[i % mentors.Count];
                index.AddOrUpdate(m with { OpenToMentoring = i % 2 == 0, BlockedIds = i % 3 == 0 ? [mentee.Id] : [] });
            }
        }, TestContext.Current.CancellationToken);
        for (var i = 0; i < 200; i++)
        {
            var result = index.Search(Request(mentee, take: 50));
            Assert.All(result.Matches, m => Assert.True(m.Breakdown.Total == m.Score));
            Assert.Equal(result.Matches.Count, result.Matches.Select(m => m.MentorId).Distinct().Count());
        }
        stop.Cancel();
        await writer;
    }

    [Fact]
    public void Search_RejectsPagesThatAreTooLarge()
    {
        var index = MentorIndex.Build([Builders.Mentor()]);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search(Request(Builders.Mentee(), take: 101)));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search(Request(Builders.Mentee()) with { Skip = -1 }));
        Assert.Throws<ArgumentException>(() => index.AddOrUpdate(Builders.Mentor() with { Embedding = new float[3] }));
    }
}
