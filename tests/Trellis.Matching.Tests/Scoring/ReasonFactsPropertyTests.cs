using System.Numerics.Tensors;
using CsCheck;
using Trellis.Matching.Scoring;
using Trellis.Matching.Tests.Support;

namespace Trellis.Matching.Tests.Scoring;

/// <summary>
/// Every reason the scorer gives is a fact both profiles support (issue 14). Over generated pairs, each
/// criterion's facts are worked out again here from the two profiles alone — not with the scorer's code:
/// languages intersected, qualities looked up word by word, overlaps counted minute by minute in UTC.
/// </summary>
public sealed class ReasonFactsPropertyTests
{
    private static readonly string[] Fields = ["law", "Legal Technology", "design", "software engineering"];
    private static readonly string[] Skills = ["figma", "sql", "public speaking", "negotiation"];
    private static readonly string[] Interests = ["chess", "Jazz", "climbing ", "baking"];
    private static readonly string[] Languages = ["en", "es", "pt", "de", "xx"];
    private static readonly string[] Zones = ["Europe/London", "America/New_York", "Asia/Tokyo", "Asia/Kolkata", "Australia/Sydney", "Not/AZone"];
    private static readonly (string Text, MentorQualities Quality)[] Words =
    [
        ("patient", MentorQualities.Patient), ("calm", MentorQualities.Patient), ("direct feedback", MentorQualities.Candid),
        ("blunt feedback", MentorQualities.Candid), ("good listener", MentorQualities.GoodListener),
        ("has changed careers", MentorQualities.None), ("well connected", MentorQualities.WellConnected),
    ];
    private static readonly WeeklyWindow[] Windows =
    [
        new(DayOfWeek.Monday, new(19, 0), new(22, 0)), new(DayOfWeek.Saturday, new(10, 0), new(13, 0)),
        new(DayOfWeek.Wednesday, new(23, 0), new(1, 0)), new(DayOfWeek.Tuesday, new(6, 30), new(8, 0)),
        new(DayOfWeek.Sunday, new(20, 0), new(23, 45)),
    ];
    private static readonly WorkingHours[] Hours = [WorkingHours.NineToFive, new(new(7, 0), new(15, 0)), new(new(22, 0), new(6, 0))];
    private static readonly float[][] Vectors = [.. Enumerable.Range(0, 4).Select(Builders.UnitVector)];

    private static T Pick<T>(T[] pool, int gene) => pool[gene % pool.Length];

    private static T[] Subset<T>(T[] pool, int gene) => [.. pool.Where((_, i) => (gene >> i & 1) == 1)];

    private static QualityWords[] QualityWords(int gene) => [.. Subset(Words, gene).Select(w => new QualityWords(w.Text, w.Quality))];

    private static MentorQualities Flags(QualityWords[] words) => words.Aggregate(MentorQualities.None, (all, w) => all | w.Qualities);

    private static readonly Gen<MentorProfile> GenMentor = Gen.Int[0, 100_000].Array[14].Select(g =>
    {
        var words = QualityWords(g[5]);
        return new MentorProfile
        {
            Id = new Guid(g[0], 1, 1, new byte[8]),
            Field = Pick(Fields, g[1]),
            RelatedFields = g[2] % 3 == 0 ? Subset(Fields, g[2] >> 2) : [],
            PreviousFields = g[2] % 3 == 1 ? Subset(Fields, g[2] >> 4) : [],
            YearsOfExperience = g[3] % 40,
            Skills = Subset(Skills, g[4]),
            Topics = Subset(Skills, g[4] >> 5),
            QualitiesOffered = Flags(words),
            QualitiesOfferedWords = g[5] % 5 == 0 ? [] : words,
            Interests = Subset(Interests, g[6]),
            TimeZone = Pick(Zones, g[7]),
            WorkingHours = Pick(Hours, g[7] >> 3),
            MeetingWindows = g[7] % 3 == 0 ? Subset(Windows, g[7] >> 5) : [],
            Languages = Subset(Languages, g[8]),
            Formats = (MeetingFormats)(g[9] % 16),
            OpenToMentoring = true,
            Capacity = g[11] % 4,
            ActiveMentees = g[12] % 3,
            HoursPerMonth = g[12] % 4 == 0 ? null : g[12] % 11,
            OpenToPeerMentoring = g[13] % 2 == 0,
            OpenToReverseMentoring = g[13] % 3 == 0,
            Embedding = g[13] % 5 == 4 ? null : Vectors[g[13] % 4],
        };
    });

    private static readonly Gen<MenteeProfile> GenMentee = Gen.Int[0, 100_000].Array[11].Select(g =>
    {
        var words = QualityWords(g[4]);
        return new MenteeProfile
        {
            Id = new Guid(g[0], 2, 2, new byte[8]),
            Field = Pick(Fields, g[0]),
            RelatedFields = g[1] % 2 == 0 ? Subset(Fields, g[1] >> 1) : [],
            TargetField = (g[1] % 4) switch { 1 => Pick(Fields, g[1] >> 6), 3 => " LEGAL  technology", _ => null },
            YearsOfExperience = g[2] % 25,
            SkillsSought = Subset(Skills, g[3]),
            QualitiesSought = Flags(words),
            QualitiesSoughtWords = g[4] % 5 == 0 ? [] : words,
            Interests = Subset(Interests, g[5]),
            TimeZone = Pick(Zones, g[6]),
            WorkingHours = Pick(Hours, g[6] >> 3),
            MeetingWindows = g[6] % 2 == 0 ? Subset(Windows, g[6] >> 5) : [],
            Languages = Subset(Languages, g[7]),
            Ask = (MentorAsk)(g[8] % 3),
            FormatsPreferred = (MeetingFormats)(g[9] % 16),
            Embedding = g[10] % 5 == 4 ? null : Vectors[g[10] % 4],
        };
    });

    private static readonly Gen<DateOnly> GenDate = Gen.Int[0, 2].Select(i => new[] { Builders.November, Builders.July, new DateOnly(2026, 3, 30) }[i]);

    [Fact]
    public void EveryReason_IsAFactBothProfilesSupport() =>
        Gen.Select(GenMentee, GenMentor, GenDate).Sample((mentee, mentor, date) =>
        {
            var score = new CompatibilityScorer().Score(mentee, mentor, date);
            foreach (var criterion in score.Criteria)
                CheckFacts(mentee, mentor, date, criterion);
        }, iter: 400);

    private static void CheckFacts(MenteeProfile mentee, MentorProfile mentor, DateOnly date, CriterionScore c)
    {
        switch (c.Reason)
        {
            case FieldReason r:
                Assert.Equal(mentor.Field, r.MentorField);
                var (fit, leaving) = ExpectedField(mentee, mentor);
                Assert.Equal(fit, r.Fit);
                Assert.Equal(leaving, r.LeavingField);
                if (c.IsReason) Assert.NotEqual(FieldFit.Different, r.Fit);
                break;
            case CareerStageReason r:
                CheckCareerStage(mentee, mentor, r);
                break;
            case QualitiesReason r:
                CheckQualities(mentee, mentor, r, c.IsReason);
                break;
            case InterestsReason r:
                var both = N(mentee.Interests).Intersect(N(mentor.Interests)).ToHashSet();
                Assert.Equal(both.Count, r.Shared.Count);
                Assert.All(r.Shared, s => Assert.Contains(s, both));
                Assert.Equal(c.IsReason, both.Count > 0);
                break;
            case LanguageReason r:
                var spoken = mentee.Languages.Intersect(mentor.Languages).Where(LanguageSet.IsValidCode).Order(StringComparer.Ordinal);
                Assert.Equal(spoken, r.Shared);
                Assert.Equal(c.IsReason, r.Shared.Count > 0);
                break;
            case FormatsReason r:
                Assert.Equal(mentee.FormatsPreferred, r.Preferred);
                Assert.Equal(mentee.FormatsPreferred & mentor.Formats, r.Shared);
                break;
            case AvailabilityReason r:
                Assert.Equal(Math.Max(0, mentor.Capacity - mentor.ActiveMentees), r.RemainingCapacity);
                Assert.Equal(mentor.HoursPerMonth, r.HoursPerMonth);
                break;
            case WorkingHoursReason r:
                Assert.True(mentee.MeetingWindows.Count == 0 && mentor.MeetingWindows.Count == 0, "working hours decide only when nobody gave windows");
                Assert.Equal(WorkingMinutes(mentee, mentor, date) / 60.0, r.OverlapHours, 2);
                if (c.IsReason) Assert.True(r.OverlapHours >= 1);
                break;
            case MeetingTimeReason r:
                CheckMeetingTime(mentee, mentor, date, r, c.IsReason);
                break;
            case GoalsReason r:
                var text = mentee.Embedding is not null && mentor.Embedding is not null;
                Assert.Equal(!text, r.Fit == GoalsFit.NoText);
                if (text) Assert.Equal(TensorPrimitives.Dot(mentee.Embedding!, mentor.Embedding!), r.Cosine, 5);
                if (c.IsReason) Assert.Contains(r.Fit, new[] { GoalsFit.Close, GoalsFit.Related });
                break;
            default:
                Assert.Fail($"No independent check for {c.Reason.GetType().Name}: add one.");
                break;
        }
    }

    private static string N(string s) => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static IEnumerable<string> N(IEnumerable<string> s) => s.Select(N);

    private static (FieldFit Fit, string? Leaving) ExpectedField(MenteeProfile mentee, MentorProfile mentor)
    {
        var moving = mentee.TargetField is { } t && N(t).Length > 0 && N(t) != N(mentee.Field);
        var aim = moving ? N(mentee.TargetField!) : N(mentee.Field);
        var field = N(mentor.Field);
        FieldFit fit;
        if (field == aim) fit = !moving ? FieldFit.Same : N(mentor.PreviousFields).Contains(N(mentee.Field)) ? FieldFit.MovedFromYours : FieldFit.Target;
        else if (N(mentee.RelatedFields).Contains(field) || N(mentor.RelatedFields).Concat(N(mentor.PreviousFields)).Contains(aim)) fit = FieldFit.Related;
        else if (moving && field == N(mentee.Field)) fit = FieldFit.SharedBackground;
        else fit = FieldFit.Different;
        return (fit, moving ? mentee.Field : null);
    }

    private static void CheckCareerStage(MenteeProfile mentee, MentorProfile mentor, CareerStageReason r)
    {
        var ahead = mentor.YearsOfExperience - mentee.YearsOfExperience;
        Assert.Equal(ahead, r.YearsAhead);
        if (r.SoughtSkill is { } skill)
        {
            Assert.Contains(N(skill), N(mentor.Skills.Concat(mentor.Topics)));
            Assert.Contains(N(skill), N(mentee.SkillsSought));
        }
        var peer = Math.Abs(ahead) < MatchingOptions.DefaultMinYearsAhead;
        var junior = ahead <= -MatchingOptions.DefaultMinYearsAhead;
        switch (r.Fit)
        {
            case CareerStageFit.PeerAsAsked:
                Assert.True(mentee.Ask == MentorAsk.Peer && peer && mentor.OpenToPeerMentoring);
                break;
            case CareerStageFit.JuniorAsAsked:
                Assert.True(mentee.Ask == MentorAsk.Junior && junior && mentor.OpenToReverseMentoring);
                break;
            case CareerStageFit.AheadOnSimilarPath:
                Assert.True(ahead >= MatchingOptions.DefaultMinYearsAhead);
                Assert.Contains(ExpectedField(mentee, mentor).Fit, new[] { FieldFit.Same, FieldFit.Target, FieldFit.MovedFromYours, FieldFit.Related });
                break;
            case CareerStageFit.Ahead:
                Assert.True(ahead >= MatchingOptions.DefaultMinYearsAhead);
                break;
            case CareerStageFit.PeerWithSkill:
                Assert.True(peer && mentor.OpenToPeerMentoring && r.SoughtSkill is not null);
                break;
            case CareerStageFit.ReverseWithSkill:
                Assert.True(junior && mentor.OpenToReverseMentoring && r.SoughtSkill is not null);
                break;
            case CareerStageFit.SlightlyAhead:
                Assert.InRange(ahead, 1, MatchingOptions.DefaultMinYearsAhead - 1);
                break;
            case CareerStageFit.NotAhead:
                Assert.True(ahead <= 0);
                break;
        }
    }

    private static void CheckQualities(MenteeProfile mentee, MentorProfile mentor, QualitiesReason r, bool isReason)
    {
        Assert.Equal(mentee.QualitiesSought, r.Sought);
        Assert.Equal(mentee.QualitiesSought & mentor.QualitiesOffered, r.Shared);
        Assert.Equal(mentee.QualitiesSoughtWords.Count, r.Listed);
        foreach (var m in r.Matches)
        {
            var sought = Assert.Single(mentee.QualitiesSoughtWords, w => w.Text == m.Sought);
            var offered = Assert.Single(mentor.QualitiesOfferedWords, w => w.Text == m.Offered);
            Assert.True(N(sought.Text) == N(offered.Text) || (sought.Qualities & offered.Qualities) != MentorQualities.None,
                $"'{m.Sought}' is not offered by '{m.Offered}'");
        }
        var offeredBy = mentee.QualitiesSoughtWords.Count(s => mentor.QualitiesOfferedWords.Any(o =>
            N(s.Text) == N(o.Text) || (s.Qualities & o.Qualities) != MentorQualities.None));
        Assert.Equal(offeredBy, r.Matches.Count);
        Assert.Equal(r.Matches.Count, r.Matches.Select(m => m.Sought).Distinct().Count());
        if (r.Listed > 0) Assert.Equal(r.Matches.Count > 0, isReason);
    }

    /// <summary>Minutes of the mentee's working day on the date during which the mentor is at work too, minute by minute.</summary>
    private static int WorkingMinutes(MenteeProfile mentee, MentorProfile mentor, DateOnly date)
    {
        var (a, b) = (TimeZones.FindOrUtc(mentee.TimeZone), TimeZones.FindOrUtc(mentor.TimeZone));
        var minutes = 0;
        var from = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-1);
        for (var t = from; t < from.AddDays(3); t = t.AddMinutes(1))
        {
            var mine = TimeZoneInfo.ConvertTimeFromUtc(t, a);
            var theirs = TimeZoneInfo.ConvertTimeFromUtc(t, b);
            var startDay = InDailyWindow(mine, mentee.WorkingHours.Start, mentee.WorkingHours.Length);
            if (startDay == date && InDailyWindow(theirs, mentor.WorkingHours.Start, mentor.WorkingHours.Length) is not null) minutes++;
        }
        return minutes;
    }

    /// <summary>The date the daily window containing <paramref name="local"/> starts on, or null when it is outside the window.</summary>
    private static DateOnly? InDailyWindow(DateTime local, TimeOnly start, TimeSpan length)
    {
        for (var back = 0; back <= 1; back++)
        {
            var day = DateOnly.FromDateTime(local).AddDays(-back);
            var opens = day.ToDateTime(start);
            if (local >= opens && local < opens + length) return day;
        }
        return null;
    }

    private static bool InWindows(DateTime local, IReadOnlyList<WeeklyWindow> windows, Func<DateOnly, bool> onDate) =>
        windows.Any(w => InDailyWindow(local, w.Start, w.Length) is { } day && day.DayOfWeek == w.Day && onDate(day));

    private static void CheckMeetingTime(MenteeProfile mentee, MentorProfile mentor, DateOnly date, MeetingTimeReason r, bool isReason)
    {
        Assert.True(mentee.MeetingWindows.Count > 0 || mentor.MeetingWindows.Count > 0, "meeting windows decide only when someone gave them");
        var (a, b) = (TimeZones.FindOrUtc(mentee.TimeZone), TimeZones.FindOrUtc(mentor.TimeZone));
        Assert.Equal(a.Id, r.MenteeZone);
        Assert.Equal(b.Id, r.MentorZone);
        var mine = mentee.MeetingWindows.Count > 0 ? mentee.MeetingWindows : WeeklyWindow.FromWorkingHours(mentee.WorkingHours);
        var theirs = mentor.MeetingWindows.Count > 0 ? mentor.MeetingWindows : WeeklyWindow.FromWorkingHours(mentor.WorkingHours);
        bool Shared(DateTime t) =>
            InWindows(TimeZoneInfo.ConvertTimeFromUtc(t, a), mine, d => d >= date && d < date.AddDays(7))
            && InWindows(TimeZoneInfo.ConvertTimeFromUtc(t, b), theirs, _ => true);

        var minutes = 0;
        DateTime? first = null;
        var from = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-2);
        for (var t = from; t < from.AddDays(11); t = t.AddMinutes(1))
            if (Shared(t))
            {
                minutes++;
                first ??= t;
            }
        Assert.Equal(minutes, r.WeeklyMinutes, 2);
        Assert.Equal(isReason, minutes >= 60);
        if (first is not { } start)
        {
            Assert.Null(r.FirstForMentee);
            return;
        }
        // The first slot named starts at the first minute both can meet, in each one's own zone, and every minute of it is shared.
        var (forMentee, forMentor) = (r.FirstForMentee!.Value, r.FirstForMentor!.Value);
        var local = TimeZoneInfo.ConvertTimeFromUtc(start, a);
        Assert.Equal((local.DayOfWeek, TimeOnly.FromDateTime(local)), (forMentee.Day, forMentee.Start));
        var there = TimeZoneInfo.ConvertTimeFromUtc(start, b);
        Assert.Equal((there.DayOfWeek, TimeOnly.FromDateTime(there)), (forMentor.Day, forMentor.Start));
        Assert.Equal(forMentee.Length, forMentor.Length);
        for (var t = start; t < start + forMentee.Length; t = t.AddMinutes(1))
            Assert.True(Shared(t), $"{t:u} is in the first slot named but not shared");
    }
}
