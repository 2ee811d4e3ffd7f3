using Trellis.Matching.Scoring;
using Trellis.Matching.Tests.Support;

namespace Trellis.Matching.Tests.Scoring;

public sealed class CompatibilityScorerTests
{
    private readonly CompatibilityScorer _scorer = new();

    [Fact]
    public void Explain_SameFieldMentorAhead_GivesTheTopReasonsInPlainWords()
    {
        var mentee = Builders.Mentee() with { Interests = ["Climbing"], QualitiesSought = MentorQualities.Patient };
        var mentor = Builders.Mentor() with { YearsOfExperience = 13, Interests = ["climbing ", "chess"], QualitiesOffered = MentorQualities.Patient };

        var score = _scorer.Score(mentee, mentor, Builders.November);

        // The words are the web app's (MatchExplanationTests); here, the facts behind them.
        Assert.Equal([Criterion.Field, Criterion.CareerStage, Criterion.Qualities, Criterion.WorkingHours], score.Reasons.Select(r => r.Criterion));
        Assert.Equal(new FieldReason(FieldFit.Same, "Software Engineering"), score[Criterion.Field].Reason);
        Assert.Equal(new CareerStageReason(CareerStageFit.AheadOnSimilarPath, 11, null), score[Criterion.CareerStage].Reason);
        Assert.Equal(new QualitiesReason(MentorQualities.Patient, MentorQualities.Patient), score[Criterion.Qualities].Reason);
        Assert.Equal(new WorkingHoursReason(8), score[Criterion.WorkingHours].Reason);
        Assert.Equal(["climbing"], ((InterestsReason)score[Criterion.Interests].Reason).Shared);
    }

    [Fact]
    public void WorkingHours_WhenMeetingWindowsAreGiven_IsTheWeekBothCanMeet_WithTheFirstSlotInEachZone()
    {
        DayOfWeek[] weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        var mentee = Builders.Mentee() with
        {
            TimeZone = "Europe/Lisbon",
            MeetingWindows = [.. weekdays.Select(d => new WeeklyWindow(d, new TimeOnly(19, 0), new TimeOnly(22, 0)))],
        };
        var berlin = Builders.Mentor() with { TimeZone = "Europe/Berlin", MeetingWindows = [new(DayOfWeek.Tuesday, new(18, 0), new(23, 0))] };

        var hours = _scorer.Score(mentee, berlin, Builders.November)[Criterion.WorkingHours];

        // Tuesday 19:00-22:00 in Lisbon is 20:00-23:00 in Berlin (UTC+0 and UTC+1 in November): three hours of the four that count as enough.
        Assert.Equal(new MeetingTimeReason(180, new(DayOfWeek.Tuesday, new(19, 0), new(22, 0)), new(DayOfWeek.Tuesday, new(20, 0), new(23, 0)),
            "Europe/Lisbon", "Europe/Berlin"), hours.Reason);
        Assert.Equal(0.75f, hours.Value, 3);
        Assert.True(hours.IsReason);

        // Her 09:00-17:00 (her default windows) never meets his evenings, however long the working days overlap.
        var singapore = _scorer.Score(mentee, Builders.Mentor() with { TimeZone = "Asia/Singapore" }, Builders.November)[Criterion.WorkingHours];
        Assert.Equal(new MeetingTimeReason(0, null, null, "Europe/Lisbon", "Asia/Singapore"), singapore.Reason);
        Assert.Equal(0f, singapore.Value);
        Assert.False(singapore.IsReason);
    }

    [Fact]
    public void Score_EveryCriterion_IsBetweenZeroAndOne_AndContributionsAddUpToTheTotal()
    {
        var score = _scorer.Score(Builders.Mentee() with { Embedding = Builders.UnitVector(1) }, Builders.Mentor() with { Embedding = Builders.UnitVector(2) }, Builders.November);

        Assert.All(score.Criteria, c => Assert.InRange(c.Value, 0f, 1f));
        Assert.InRange(score.Criteria.Sum(c => c.Weight), 0f, 1.0001f);
        Assert.Equal(score.Total, score.Criteria.Sum(c => c.Contribution), 4);
        Assert.InRange(score.Total, 0f, 1f);
        Assert.Equal(Enum.GetValues<Criterion>(), score.Criteria.Select(c => c.Criterion));
    }

    [Theory]
    [InlineData(false)] // no goals text to compare: the day-to-day criteria count in full
    [InlineData(true)]  // the mentor's experience says the same thing as the goals
    public void Weights_SumToOne_WhenTheFitGateIsOpen(bool sameText)
    {
        var v = Builders.UnitVector(3);
        var mentee = Builders.Mentee() with { Embedding = sameText ? v : null };
        var score = _scorer.Score(mentee, Builders.Mentor() with { Embedding = v }, Builders.November);

        Assert.Equal(1f, score.Criteria.Sum(c => c.Weight), 4);
    }

    [Fact]
    public void FitGate_AnUnrelatedMentorGainsNothingFromDayToDayFit_UnlessUnrelatedFitShareSaysSo()
    {
        var v = Builders.UnitVector(3);
        var mentee = Builders.Mentee() with { Embedding = v, Interests = ["chess", "jazz", "climbing"], QualitiesSought = MentorQualities.Patient };
        var unrelated = Builders.Mentor() with { Embedding = Builders.UnitVector(4), Interests = ["chess", "jazz", "climbing"], QualitiesOffered = MentorQualities.Patient };
        var unrelatedNoFit = unrelated with { Interests = [], QualitiesOffered = MentorQualities.None };
        Assert.InRange(_scorer.Score(mentee, unrelated, Builders.November)[Criterion.Goals].Value, 0f, 0f);

        Assert.Equal(_scorer.Score(mentee, unrelatedNoFit, Builders.November).Total, _scorer.Score(mentee, unrelated, Builders.November).Total);
        Assert.All(_scorer.Score(mentee, unrelated, Builders.November).Criteria.Where(c => c.Criterion is not (Criterion.Goals or Criterion.Field or Criterion.CareerStage)),
            c => Assert.Equal(0f, c.Weight));

        var always = new CompatibilityScorer(new MatchingOptions { UnrelatedFitShare = 1 });
        Assert.True(always.Score(mentee, unrelated, Builders.November).Total > always.Score(mentee, unrelatedNoFit, Builders.November).Total);
        Assert.Equal(1f, always.Score(mentee, unrelated, Builders.November).Criteria.Sum(c => c.Weight), 4);
        Assert.Throws<ArgumentException>(() => new CompatibilityScorer(new MatchingOptions { UnrelatedFitShare = 1.5 }));
    }

    [Fact]
    public void Goals_SameEmbedding_IsFullMatch_AndMissingEmbeddingCountsNothing()
    {
        var v = Builders.UnitVector(3);
        Assert.Equal(1f, _scorer.Score(Builders.Mentee() with { Embedding = v }, Builders.Mentor() with { Embedding = v }, Builders.November)[Criterion.Goals].Value);
        var missing = _scorer.Score(Builders.Mentee() with { Embedding = v }, Builders.Mentor(), Builders.November)[Criterion.Goals];
        Assert.Equal(0f, missing.Value);
        Assert.Equal(GoalsFit.NoText, ((GoalsReason)missing.Reason).Fit);
    }

    [Fact]
    public void CareerStage_PeerCountsOnlyWhenOpenToPeerMentoringAndHasASkillAsked()
    {
        var mentee = Builders.Mentee() with { YearsOfExperience = 10, SkillsSought = ["Public Speaking"] };
        var peer = Builders.Mentor() with { YearsOfExperience = 11, Skills = ["public speaking"] };

        Assert.Equal(0.3f, _scorer.Score(mentee, peer, Builders.November)[Criterion.CareerStage].Value);
        var open = _scorer.Score(mentee, peer with { OpenToPeerMentoring = true }, Builders.November)[Criterion.CareerStage];
        Assert.Equal(0.7f, open.Value);
        Assert.Equal(new CareerStageReason(CareerStageFit.PeerWithSkill, 1, "public speaking"), open.Reason);
        Assert.Equal(0.3f, _scorer.Score(mentee, peer with { OpenToPeerMentoring = true, Skills = ["golf"] }, Builders.November)[Criterion.CareerStage].Value);
    }

    [Fact]
    public void CareerStage_JuniorCountsOnlyForReverseMentoringWithASkillAsked()
    {
        var mentee = Builders.Mentee() with { YearsOfExperience = 22, SkillsSought = ["short-form video"] };
        var junior = Builders.Mentor() with { YearsOfExperience = 4, Topics = ["Short-form video"] };

        Assert.Equal(0f, _scorer.Score(mentee, junior, Builders.November)[Criterion.CareerStage].Value);
        Assert.Equal(0f, _scorer.Score(mentee, junior with { OpenToPeerMentoring = true }, Builders.November)[Criterion.CareerStage].Value);
        Assert.Equal(0.7f, _scorer.Score(mentee, junior with { OpenToReverseMentoring = true }, Builders.November)[Criterion.CareerStage].Value);
    }

    [Theory]
    [InlineData(3, 1f)]
    [InlineData(20, 1f)]
    [InlineData(30, 0.5f)]
    [InlineData(2, 0.3f)]
    public void CareerStage_AheadBySensibleMargin_CountsFully(int yearsAhead, float expected) =>
        Assert.Equal(expected, _scorer.Score(Builders.Mentee() with { YearsOfExperience = 5 }, Builders.Mentor() with { YearsOfExperience = 5 + yearsAhead }, Builders.November)[Criterion.CareerStage].Value, 3);

    [Fact]
    public void Field_RelatedEitherWay_CountsPartly()
    {
        var mentee = Builders.Mentee() with { RelatedFields = ["Product Management"] };
        var pm = Builders.Mentor() with { Field = "product management" };
        Assert.Equal(0.6f, _scorer.Score(mentee, pm, Builders.November)[Criterion.Field].Value);
        Assert.Equal(0.6f, _scorer.Score(Builders.Mentee(), pm with { RelatedFields = ["software engineering"] }, Builders.November)[Criterion.Field].Value);
        Assert.Equal(0f, _scorer.Score(Builders.Mentee(), pm, Builders.November)[Criterion.Field].Value);
    }

    [Fact]
    public void Availability_UsesRemainingCapacityAndHours()
    {
        var full = _scorer.Score(Builders.Mentee(), Builders.Mentor() with { Capacity = 5, ActiveMentees = 2, HoursPerMonth = 8 }, Builders.November)[Criterion.Availability];
        Assert.Equal(1f, full.Value);
        Assert.Equal(new AvailabilityReason(3, 8), full.Reason);
        Assert.Equal(0f, _scorer.Score(Builders.Mentee(), Builders.Mentor() with { Capacity = 2, ActiveMentees = 2 }, Builders.November)[Criterion.Availability].Value);
    }

    [Fact]
    public void Language_AndFormats_InCommon()
    {
        var mentee = Builders.Mentee() with { Languages = ["pt", "en"], FormatsPreferred = MeetingFormats.Video | MeetingFormats.InPerson };
        var score = _scorer.Score(mentee, Builders.Mentor() with { Languages = ["pt"], Formats = MeetingFormats.Video }, Builders.November);
        Assert.Equal(1f, score[Criterion.Language].Value);
        Assert.Equal(0.5f, score[Criterion.Formats].Value);
        Assert.Equal(new FormatsReason(MeetingFormats.Video | MeetingFormats.InPerson, MeetingFormats.Video), score[Criterion.Formats].Reason);
    }

    [Fact]
    public void Constructor_RejectsNegativeOrAllZeroWeights()
    {
        Assert.Throws<ArgumentException>(() => new CompatibilityScorer(new MatchingOptions { Weights = new CriterionWeights { Goals = -1 } }));
        var zero = new CriterionWeights { Goals = 0, Field = 0, CareerStage = 0, Qualities = 0, Interests = 0, WorkingHours = 0, Language = 0, Formats = 0, Availability = 0 };
        Assert.Throws<ArgumentException>(() => new CompatibilityScorer(new MatchingOptions { Weights = zero }));
    }

    [Fact]
    public void DirectionOfTravel_FieldCreditFollowsTheTarget_AndTheFieldBeingLeftIsOnlySharedBackground()
    {
        var mentee = Builders.Mentee() with { Field = "Law", TargetField = "Legal technology", YearsOfExperience = 8 };
        var litigator = Builders.Mentor() with { Field = "law", YearsOfExperience = 24 };
        var founder = Builders.Mentor() with { Field = "Legal Technology", PreviousFields = ["Law"], YearsOfExperience = 12 };
        var productLead = Builders.Mentor() with { Field = "legal technology", YearsOfExperience = 18 };
        var nearby = Builders.Mentor() with { Field = "Product management", RelatedFields = ["legal technology"], YearsOfExperience = 15 };
        var elsewhere = Builders.Mentor() with { Field = "Nursing", YearsOfExperience = 20 };

        FieldReason Reason(MentorProfile m) => (FieldReason)_scorer.Score(mentee, m, Builders.November)[Criterion.Field].Reason;
        float Value(MentorProfile m) => _scorer.Score(mentee, m, Builders.November)[Criterion.Field].Value;

        Assert.Equal(new FieldReason(FieldFit.MovedFromYours, "Legal Technology", "Law"), Reason(founder));
        Assert.Equal(new FieldReason(FieldFit.Target, "legal technology", "Law"), Reason(productLead));
        Assert.Equal(new FieldReason(FieldFit.Related, "Product management", "Law"), Reason(nearby));
        Assert.Equal(new FieldReason(FieldFit.SharedBackground, "law", "Law"), Reason(litigator));
        Assert.Equal(new FieldReason(FieldFit.Different, "Nursing", "Law"), Reason(elsewhere));
        Assert.Equal([1f, 1f, 0.6f, 0.3f, 0f], new[] { founder, productLead, nearby, litigator, elsewhere }.Select(Value));
        // The litigator shares a background but is not on the path the mentee wants: not "a similar path".
        Assert.Equal(CareerStageFit.Ahead, ((CareerStageReason)_scorer.Score(mentee, litigator, Builders.November)[Criterion.CareerStage].Reason).Fit);
        Assert.True(_scorer.Score(mentee, productLead, Builders.November).Total > _scorer.Score(mentee, litigator, Builders.November).Total);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" LAW ")]
    public void DirectionOfTravel_StayingInTheField_ScoresAsBefore(string? target)
    {
        var mentee = Builders.Mentee() with { Field = "Law", TargetField = target };
        var score = _scorer.Score(mentee, Builders.Mentor() with { Field = "law" }, Builders.November);
        Assert.Equal(new FieldReason(FieldFit.Same, "law"), score[Criterion.Field].Reason);
        Assert.Equal(1f, score[Criterion.Field].Value);
    }

    [Fact]
    public void AskForAPeer_AnOptedInPeerGetsFullCareerStageCredit_OnTheTextMatchAlone()
    {
        var mentee = Builders.Mentee() with { YearsOfExperience = 10, Ask = MentorAsk.Peer };
        var peer = Builders.Mentor() with { YearsOfExperience = 11, OpenToPeerMentoring = true };
        var stage = _scorer.Score(mentee, peer, Builders.November)[Criterion.CareerStage];
        Assert.Equal(1f, stage.Value);
        Assert.Equal(new CareerStageReason(CareerStageFit.PeerAsAsked, 1, null), stage.Reason);

        var junior = Builders.Mentor() with { YearsOfExperience = 3, OpenToReverseMentoring = true };
        var reverse = _scorer.Score(mentee with { Ask = MentorAsk.Junior }, junior, Builders.November)[Criterion.CareerStage];
        Assert.Equal(new CareerStageReason(CareerStageFit.JuniorAsAsked, -7, null), reverse.Reason);
    }
}
