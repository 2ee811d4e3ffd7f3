using Trellis.Matching.Scoring;
using Trellis.Matching.Tests.Support;
using Trellis.Web.Features.FindMentor;

namespace Trellis.Web.Tests.FindMentor;

/// <summary>
/// The words members read for the matching library's reasons. These assertions moved here from
/// the library's CompatibilityScorerTests when the sentences moved from the library to the web app
/// (the library now returns facts); the sentences themselves are unchanged.
/// </summary>
public sealed class MatchExplanationTests
{
    private readonly CompatibilityScorer _scorer = new();

    [Fact]
    public void Explain_SameFieldMentorAhead_GivesTheTopReasonsInPlainWords()
    {
        var mentee = Builders.Mentee() with { Interests = ["Climbing"], QualitiesSought = MentorQualities.Patient };
        var mentor = Builders.Mentor() with { YearsOfExperience = 13, Interests = ["climbing ", "chess"], QualitiesOffered = MentorQualities.Patient };

        var score = _scorer.Score(mentee, mentor, Builders.November);

        Assert.Equal("Same field; 11 years ahead of you on a similar path; offers 1 of the 1 qualities you look for (patient); 8 working hours overlap", MatchExplanations.Explain(score));
        Assert.Contains("You both like climbing", MatchExplanations.Sentence(score[Criterion.Interests]));
    }

    [Fact]
    public void Goals_MissingEmbedding_SaysThereIsNothingToCompareYet()
    {
        var missing = _scorer.Score(Builders.Mentee() with { Embedding = Builders.UnitVector(3) }, Builders.Mentor(), Builders.November)[Criterion.Goals];
        Assert.Equal("No goals text to compare yet", MatchExplanations.Sentence(missing));
    }

    [Fact]
    public void CareerStage_PeerOpenToPeerMentoring_NamesTheSkill()
    {
        var mentee = Builders.Mentee() with { YearsOfExperience = 10, SkillsSought = ["Public Speaking"] };
        var peer = Builders.Mentor() with { YearsOfExperience = 11, Skills = ["public speaking"], OpenToPeerMentoring = true };
        var open = _scorer.Score(mentee, peer, Builders.November)[Criterion.CareerStage];
        Assert.Equal("A peer open to peer mentoring who knows public speaking", MatchExplanations.Sentence(open));
    }

    [Fact]
    public void Availability_AndFormats_InWords()
    {
        var full = _scorer.Score(Builders.Mentee(), Builders.Mentor() with { Capacity = 5, ActiveMentees = 2, HoursPerMonth = 8 }, Builders.November)[Criterion.Availability];
        Assert.Equal("Has room for 3 more mentees and 8 hours a month", MatchExplanations.Sentence(full));

        var mentee = Builders.Mentee() with { Languages = ["pt", "en"], FormatsPreferred = MeetingFormats.Video | MeetingFormats.InPerson };
        var score = _scorer.Score(mentee, Builders.Mentor() with { Languages = ["pt"], Formats = MeetingFormats.Video }, Builders.November);
        Assert.Equal("Offers video, as you prefer", MatchExplanations.Sentence(score[Criterion.Formats]));
        Assert.Equal("You both speak Portuguese", MatchExplanations.Sentence(score[Criterion.Language]));
    }

    [Fact]
    public void Field_CareerChanger_SaysWhereTheMentorCameFromAndThatItIsWhereTheMenteeWantsToGo()
    {
        var mentee = Builders.Mentee() with { Field = "law", TargetField = "legal technology", YearsOfExperience = 8 };
        string Field(MentorProfile m) => MatchExplanations.Sentence(_scorer.Score(mentee, m, Builders.November)[Criterion.Field]);

        Assert.Equal("Moved from law into legal technology, where you want to go",
            Field(Builders.Mentor() with { Field = "legal technology", PreviousFields = ["Law"] }));
        Assert.Equal("Works in legal technology, where you want to go", Field(Builders.Mentor() with { Field = "legal technology" }));
        Assert.Equal("Works in law, the field you are leaving: a shared background", Field(Builders.Mentor() with { Field = "law" }));
    }

    [Fact]
    public void CareerStage_AskedForAPeerOrAJunior_SaysSo()
    {
        var mentee = Builders.Mentee() with { YearsOfExperience = 10, Ask = MentorAsk.Peer };
        var peer = _scorer.Score(mentee, Builders.Mentor() with { YearsOfExperience = 11, OpenToPeerMentoring = true }, Builders.November);
        Assert.Equal("A peer, as you asked, open to peer mentoring", MatchExplanations.Sentence(peer[Criterion.CareerStage]));
        var junior = _scorer.Score(mentee with { Ask = MentorAsk.Junior }, Builders.Mentor() with { YearsOfExperience = 3, OpenToReverseMentoring = true }, Builders.November);
        Assert.Equal("7 years earlier in their career, as you asked, and open to reverse mentoring", MatchExplanations.Sentence(junior[Criterion.CareerStage]));
    }

    [Fact]
    public void Explain_NothingStandsOut_StillSaysSomethingKind()
    {
        var score = new CompatibilityScore(0.1f, [], 4);
        Assert.Equal("Few obvious things in common, but open to mentoring and has time", MatchExplanations.Explain(score));
    }

    [Fact]
    public void MeetingTime_NamesTheWeeklyHours_AndTheFirstSlotInBothZones()
    {
        var reason = new MeetingTimeReason(150, new(DayOfWeek.Monday, new(23, 0), new(23, 59)), new(DayOfWeek.Tuesday, new(7, 0), new(7, 59)),
            "America/Argentina/Buenos_Aires", "Asia/Tokyo");
        Assert.Equal("2.5 hours a week when you can both meet, the first Monday 23:00–23:59 your time (Buenos Aires), Tuesday 07:00–07:59 theirs (Tokyo)",
            MatchExplanations.Sentence(new CriterionScore(Criterion.WorkingHours, 0.6f, 0.06f, true, reason)));
        Assert.Equal("No time in the week when you can both meet",
            MatchExplanations.Sentence(new CriterionScore(Criterion.WorkingHours, 0, 0.06f, false, new MeetingTimeReason(0, null, null, "UTC", "UTC"))));
    }

    [Fact]
    public void Sentence_EveryKindOfReason_HasWords()
    {
        // A new criterion or case in the library must get words here, or this fails.
        CriterionReason[] reasons =
        [
            .. Enum.GetValues<FieldFit>().Select(f => new FieldReason(f, "Finance", "Audit")),
            .. Enum.GetValues<CareerStageFit>().Select(f => new CareerStageReason(f, 2, "sql")),
            .. Enum.GetValues<GoalsFit>().Select(f => new GoalsReason(f, 0.4f)),
            new QualitiesReason(MentorQualities.None, MentorQualities.None), new InterestsReason([]),
            new WorkingHoursReason(0), new MeetingTimeReason(0, null, null, "UTC", "UTC"), new LanguageReason([]), new FormatsReason(MeetingFormats.None, MeetingFormats.None),
            new AvailabilityReason(0, 0),
        ];
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(
            MatchExplanations.Sentence(new CriterionScore(Criterion.Field, 0, 0, true, r)))));
    }
}
