using System.Text.RegularExpressions;
using Trellis.Matching.Scoring;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Features.Profiles;

namespace Trellis.Web.Tests.FindMentor;

/// <summary>
/// Every explanation sentence as a member reads it, from two profiles as members fill them in (issue 14: "every
/// reason shown must be a fact both profiles support"). One test per sentence, then a seeded random sweep that reads
/// each shown sentence back against the two profiles.
/// </summary>
public sealed class ExplanationSentenceTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static ProfileInput Mentee() => new()
    {
        TimeZone = "Europe/London", Languages = ["en"], Field = "Software engineering", YearsOfExperience = 2,
        SeekingMentor = true, MenteeGoals = "Grow as an engineer", PreferredFormats = ["video"],
    };

    private static ProfileInput Mentor() => new()
    {
        TimeZone = "Europe/London", Languages = ["en"], Field = "Software engineering", YearsOfExperience = 12,
        OpenToMentoring = true, MentorCapacity = 3, HoursPerMonth = 4, FormatsOffered = ["video", "phone"],
    };

    private static Profile ProfileOf(ProfileInput input)
    {
        var p = new Profile(Guid.NewGuid(), Now);
        p.Update(input, Now);
        return p;
    }

    private static CompatibilityScore Score(ProfileInput mentee, ProfileInput mentor) =>
        new CompatibilityScorer().Score(MatchingProfiles.Mentee(ProfileOf(mentee), null), MatchingProfiles.Mentor(ProfileOf(mentor), null), Today);

    private static string Sentence(ProfileInput mentee, ProfileInput mentor, Criterion criterion) =>
        MatchExplanations.Sentence(Score(mentee, mentor)[criterion]);

    [Fact]
    public void Qualities_TheIssuesExample_QuotesBothProfilesAndCountsWhatTheMenteeListed()
    {
        // Before: "Offers 3 of the 3 qualities you look for (patient, candid and good listener)": the mentee listed four
        // things, and neither profile says "patient" or "candid".
        var mentee = Mentee();
        mentee.QualitiesSought = ["calm presence", "direct feedback", "someone who listens", "has changed careers"];
        var mentor = Mentor();
        mentor.QualitiesOffered = ["calm", "honest feedback", "good listener"];

        var sentence = Sentence(mentee, mentor, Criterion.Qualities);

        Assert.Equal("Offers 3 of the 4 things you look for in a mentor: calm presence (they say “calm”), " +
                     "direct feedback (they say “honest feedback”) and someone who listens (they say “good listener”)", sentence);
        Assert.DoesNotContain("patient", sentence);
        Assert.DoesNotContain("candid", sentence);
    }

    [Fact]
    public void Qualities_SameWords_OneThing_AndNone()
    {
        var mentee = Mentee();
        mentee.QualitiesSought = ["patient", "has changed careers"];
        var mentor = Mentor();
        mentor.QualitiesOffered = ["Patient", "has changed careers"];
        Assert.Equal("Offers 2 of the 2 things you look for in a mentor: patient and has changed careers", Sentence(mentee, mentor, Criterion.Qualities));

        mentee.QualitiesSought = ["blunt feedback"];
        mentor.QualitiesOffered = ["direct feedback"];
        Assert.Equal("Offers what you look for in a mentor: blunt feedback (they say “direct feedback”)", Sentence(mentee, mentor, Criterion.Qualities));

        mentor.QualitiesOffered = ["good listener"];
        var none = Score(mentee, mentor)[Criterion.Qualities];
        Assert.False(none.IsReason);
        Assert.Equal("Does not offer what you look for in a mentor", MatchExplanations.Sentence(none));

        mentee.QualitiesSought = [];
        Assert.Equal("You have not said which qualities you look for", Sentence(mentee, mentor, Criterion.Qualities));
    }

    [Fact]
    public void Field_EveryCase_InWords()
    {
        var mentee = Mentee();
        var mentor = Mentor();
        Assert.Equal("Same field", Sentence(mentee, mentor, Criterion.Field));

        mentor.Field = "Data science";
        mentor.PreviousFields = [];
        mentee.Direction = CareerDirection.Stay;
        Assert.Equal("Works in a different field (Data science)", Sentence(mentee, mentor, Criterion.Field));
        Assert.False(Score(mentee, mentor)[Criterion.Field].IsReason);

        mentor.PreviousFields = ["software engineering"];
        Assert.Equal("Works in a related field (Data science)", Sentence(mentee, mentor, Criterion.Field));

        mentee.Direction = CareerDirection.Move;
        mentee.TargetField = "Data Science";
        Assert.Equal("Moved from Software engineering into Data science, where you want to go", Sentence(mentee, mentor, Criterion.Field));
        mentor.PreviousFields = [];
        Assert.Equal("Works in Data science, where you want to go", Sentence(mentee, mentor, Criterion.Field));
        mentor.Field = "Software engineering";
        Assert.Equal("Works in Software engineering, the field you are leaving: a shared background", Sentence(mentee, mentor, Criterion.Field));
    }

    [Fact]
    public void CareerStage_EveryCase_InWords()
    {
        var mentee = Mentee();
        mentee.YearsOfExperience = 10;
        mentee.Skills = ["SQL"];
        var mentor = Mentor();

        mentor.YearsOfExperience = 21;
        Assert.Equal("11 years ahead of you on a similar path", Sentence(mentee, mentor, Criterion.CareerStage));
        mentor.Field = "Law";
        Assert.Equal("11 years ahead of you", Sentence(mentee, mentor, Criterion.CareerStage));
        mentor.YearsOfExperience = 11;
        Assert.Equal("Only 1 year ahead of you", Sentence(mentee, mentor, Criterion.CareerStage));
        mentor.YearsOfExperience = 10;
        Assert.Equal("Not further along in their career than you", Sentence(mentee, mentor, Criterion.CareerStage));
        mentor.OpenToPeerMentoring = true;
        mentor.Skills = ["sql"];
        Assert.Equal("A peer open to peer mentoring who knows sql", Sentence(mentee, mentor, Criterion.CareerStage));
        mentor.YearsOfExperience = 4;
        mentor.OpenToReverseMentoring = true;
        Assert.Equal("Open to reverse mentoring and knows sql", Sentence(mentee, mentor, Criterion.CareerStage));
        mentee.Ask = AskFor.Junior;
        Assert.Equal("6 years earlier in their career, as you asked, and open to reverse mentoring", Sentence(mentee, mentor, Criterion.CareerStage));
        mentee.Ask = AskFor.Peer;
        mentor.YearsOfExperience = 9;
        Assert.Equal("A peer, as you asked, open to peer mentoring", Sentence(mentee, mentor, Criterion.CareerStage));
    }

    [Fact]
    public void DayToDay_EveryCase_InWords()
    {
        var mentee = Mentee();
        var mentor = Mentor();
        mentee.Interests = ["Climbing", "jazz"];
        mentor.Interests = ["jazz", "climbing", "chess"];
        Assert.Equal("You both like jazz and climbing", Sentence(mentee, mentor, Criterion.Interests));
        mentor.Interests = ["chess"];
        Assert.Equal("No shared personal interests listed", Sentence(mentee, mentor, Criterion.Interests));

        Assert.Equal("8 working hours overlap", Sentence(mentee, mentor, Criterion.WorkingHours));
        mentor.TimeZone = "Asia/Tokyo";
        Assert.Equal("Your working hours do not overlap", Sentence(mentee, mentor, Criterion.WorkingHours));
        mentee.MeetingWindows = [new() { Day = DayOfWeek.Monday, Start = "23:00", End = "01:00" }];
        // Monday 23:00–01:00 in London (30 November) is Tuesday 08:00–10:00 in Tokyo; the mentor works from 09:00.
        Assert.Equal("1 hour a week when you can both meet, the first Tuesday 00:00–01:00 your time (London), Tuesday 09:00–10:00 theirs (Tokyo)",
            Sentence(mentee, mentor, Criterion.WorkingHours));

        mentee.Languages = ["en", "pt"];
        mentor.Languages = ["pt", "en"];
        Assert.Equal("You both speak English and Portuguese", Sentence(mentee, mentor, Criterion.Language));
        mentor.Languages = ["de"];
        Assert.Equal("No language in common", Sentence(mentee, mentor, Criterion.Language));

        mentee.PreferredFormats = ["video", "in-person"];
        Assert.Equal("Offers video, as you prefer", Sentence(mentee, mentor, Criterion.Formats));
        mentor.FormatsOffered = ["messages"];
        Assert.Equal("Does not offer the meeting formats you prefer", Sentence(mentee, mentor, Criterion.Formats));
        mentee.PreferredFormats = [];
        Assert.Equal("You have not said how you prefer to meet", Sentence(mentee, mentor, Criterion.Formats));

        Assert.Equal("Has room for 3 more mentees and 4 hours a month", Sentence(mentee, mentor, Criterion.Availability));
        mentor.MentorCapacity = 1;
        mentor.HoursPerMonth = 1;
        Assert.Equal("Has room for 1 more mentee and 1 hour a month", Sentence(mentee, mentor, Criterion.Availability));
        mentor.MentorCapacity = 0;
        Assert.Equal("Has no room for another mentee now", Sentence(mentee, mentor, Criterion.Availability));

        Assert.Equal("No goals text to compare yet", Sentence(mentee, mentor, Criterion.Goals));
    }

    [Fact]
    public void Availability_HoursNotSaid_AreNotShownAsZero()
    {
        var sentence = MatchExplanations.Sentence(new CriterionScore(Criterion.Availability, 0.5f, 0.06f, true, new AvailabilityReason(2, null)));
        Assert.Equal("Has room for 2 more mentees", sentence);
    }

    private static readonly string[] Fields = ["Law", "legal technology", "Design", "Software engineering"];
    private static readonly string[] Skills = ["sql", "figma", "negotiation"];
    private static readonly string[] Interests = ["chess", "Jazz", "climbing", "baking"];
    private static readonly string[] Languages = ["en", "pt", "de", "es"];
    private static readonly string[] Zones = ["Europe/London", "America/New_York", "Asia/Tokyo", "Asia/Kolkata"];
    private static readonly string[] Qualities = ["patient", "calm presence", "direct feedback", "honest", "good listener", "has changed careers", "well connected"];
    private static readonly string[] Formats = ["video", "phone", "in-person", "messages"];

    private static List<T> Some<T>(Random r, T[] pool) => [.. pool.Where(_ => r.Next(3) == 0)];

    private static ProfileInput RandomMember(Random r) => new()
    {
        TimeZone = Zones[r.Next(Zones.Length)], Languages = Some(r, Languages), Field = Fields[r.Next(Fields.Length)], YearsOfExperience = r.Next(25),
        Skills = Some(r, Skills), Interests = Some(r, Interests), PreviousFields = r.Next(3) == 0 ? Some(r, Fields) : [],
        MeetingWindows = r.Next(3) == 0 ? [new() { Day = (DayOfWeek)r.Next(7), Start = $"{r.Next(24):00}:00", End = $"{r.Next(24):00}:30" }] : [],
        SeekingMentor = true, QualitiesSought = Some(r, Qualities), PreferredFormats = Some(r, Formats),
        Direction = r.Next(2) == 0 ? CareerDirection.Stay : CareerDirection.Move, TargetField = Fields[r.Next(Fields.Length)],
        Ask = (AskFor)r.Next(3),
        OpenToMentoring = true, MentorCapacity = r.Next(4), HoursPerMonth = r.Next(10), QualitiesOffered = Some(r, Qualities),
        FormatsOffered = Some(r, Formats), OpenToPeerMentoring = r.Next(2) == 0, OpenToReverseMentoring = r.Next(2) == 0,
    };

    [Fact]
    public void EveryShownSentence_ReadsBackAsAFactOfBothProfiles()
    {
        var random = new Random(14);
        var checkedSentences = 0;
        for (var n = 0; n < 600; n++)
        {
            var (menteeInput, mentorInput) = (RandomMember(random), RandomMember(random));
            var (mentee, mentor) = (ProfileOf(menteeInput), ProfileOf(mentorInput));
            var score = new CompatibilityScorer().Score(MatchingProfiles.Mentee(mentee, null), MatchingProfiles.Mentor(mentor, null), Today);
            foreach (var reason in score.Reasons)
            {
                ReadBack(MatchExplanations.Sentence(reason), mentee, mentor);
                checkedSentences++;
            }
        }
        Assert.True(checkedSentences > 1000, $"only {checkedSentences} sentences were shown");
    }

    /// <summary>Reads the facts a sentence states out of its words and checks each against the two profiles.</summary>
    private static void ReadBack(string sentence, Profile mentee, Profile mentor)
    {
        static bool Has(IEnumerable<string> list, string item) => list.Any(x => string.Equals(x.Trim(), item.Trim(), StringComparison.OrdinalIgnoreCase));
        static List<string> Items(string text) => [.. text.Split([", ", " and "], StringSplitOptions.None)];
        var moving = mentee.Direction == CareerDirection.Move && !string.Equals(mentee.TargetField, mentee.Field, StringComparison.OrdinalIgnoreCase);
        Match m;
        if (sentence == "Same field")
            Assert.True(string.Equals(mentee.Field, mentor.Field, StringComparison.OrdinalIgnoreCase) && !moving, sentence);
        else if ((m = Regex.Match(sentence, "^Moved from (.+) into (.+), where you want to go$")).Success)
        {
            Assert.Equal(mentee.Field, m.Groups[1].Value);
            Assert.Equal(mentor.Field, m.Groups[2].Value);
            Assert.True(moving && Has(mentor.PreviousFields, mentee.Field) && Has([mentee.TargetField], mentor.Field), sentence);
        }
        else if ((m = Regex.Match(sentence, "^Works in (.+), where you want to go$")).Success)
            Assert.True(moving && m.Groups[1].Value == mentor.Field && Has([mentee.TargetField], mentor.Field), sentence);
        else if ((m = Regex.Match(sentence, "^Works in (.+), the field you are leaving: a shared background$")).Success)
            Assert.True(moving && m.Groups[1].Value == mentor.Field && Has([mentee.Field], mentor.Field), sentence);
        else if ((m = Regex.Match(sentence, @"^Works in a related field \((.+)\)$")).Success)
        {
            var aim = moving ? mentee.TargetField : mentee.Field;
            Assert.True(m.Groups[1].Value == mentor.Field && Has(mentor.PreviousFields, aim), sentence);
        }
        else if ((m = Regex.Match(sentence, @"^(\d+) years ahead of you( on a similar path)?$")).Success)
            Assert.Equal(mentor.YearsOfExperience - mentee.YearsOfExperience, int.Parse(m.Groups[1].Value));
        else if ((m = Regex.Match(sentence, @"^(\d+) years earlier in their career, as you asked, and open to reverse mentoring$")).Success)
            Assert.True(mentee.Ask == AskFor.Junior && mentor.OpenToReverseMentoring
                        && mentee.YearsOfExperience - mentor.YearsOfExperience == int.Parse(m.Groups[1].Value), sentence);
        else if (sentence == "A peer, as you asked, open to peer mentoring")
            Assert.True(mentee.Ask == AskFor.Peer && mentor.OpenToPeerMentoring && Math.Abs(mentor.YearsOfExperience - mentee.YearsOfExperience) < 3, sentence);
        else if ((m = Regex.Match(sentence, "^(A peer open to peer mentoring|Open to reverse mentoring) and knows (.+)$|^A peer open to peer mentoring who knows (.+)$")).Success)
        {
            var skill = m.Groups[2].Success && m.Groups[2].Value.Length > 0 ? m.Groups[2].Value : m.Groups[3].Value;
            Assert.True(Has(mentor.Skills.Concat(mentor.MentorTopics), skill) && Has(mentee.Skills.Concat(mentee.QualitiesSought), skill), sentence);
            Assert.True(sentence.StartsWith("Open", StringComparison.Ordinal) ? mentor.OpenToReverseMentoring : mentor.OpenToPeerMentoring, sentence);
        }
        else if ((m = Regex.Match(sentence, @"^Offers (\d+) of the (\d+) things you look for in a mentor: (.+)$|^Offers what you look for in a mentor: (.+)$")).Success)
        {
            var listed = m.Groups[2].Success && m.Groups[2].Value.Length > 0 ? int.Parse(m.Groups[2].Value) : 1;
            Assert.Equal(mentee.QualitiesSought.Count, listed);
            var items = Regex.Matches(m.Groups[3].Value + m.Groups[4].Value, @"(?:^|, | and )([^,(“]+?)(?: \(they say “([^”]+)”\))?(?=$|, | and )");
            if (m.Groups[1].Value.Length > 0) Assert.Equal(int.Parse(m.Groups[1].Value), items.Count);
            foreach (Match item in items)
            {
                Assert.True(Has(mentee.QualitiesSought, item.Groups[1].Value), $"“{item.Groups[1].Value}” is not in the mentee's profile: {sentence}");
                var theirs = item.Groups[2].Success ? item.Groups[2].Value : item.Groups[1].Value;
                Assert.True(Has(mentor.QualitiesOffered, theirs), $"“{theirs}” is not in the mentor's profile: {sentence}");
            }
        }
        else if ((m = Regex.Match(sentence, "^You both like (.+)$")).Success)
            Assert.All(Items(m.Groups[1].Value), i => Assert.True(Has(mentee.Interests, i) && Has(mentor.Interests, i), sentence));
        else if ((m = Regex.Match(sentence, "^You both speak (.+)$")).Success)
            Assert.All(Items(m.Groups[1].Value), name => Assert.True(
                mentee.Languages.Intersect(mentor.Languages).Any(code => MatchExplanations.LanguageName(code) == name), sentence));
        else if ((m = Regex.Match(sentence, @"^Offers (.+), as you prefer$")).Success)
            Assert.All(Items(m.Groups[1].Value), f => Assert.True(Has(mentee.PreferredFormats, f.Replace(' ', '-')) && Has(mentor.FormatsOffered, f.Replace(' ', '-')), sentence));
        else if ((m = Regex.Match(sentence, @"^Has room for (\d+) more mentees?(?: and (\d+) hours? a month)?$")).Success)
        {
            Assert.Equal(mentor.MentorCapacity - mentor.ActiveMentees, int.Parse(m.Groups[1].Value));
            if (m.Groups[2].Success) Assert.Equal(mentor.HoursPerMonth, int.Parse(m.Groups[2].Value));
        }
        else if ((m = Regex.Match(sentence, @"^([\d.]+) working hours? overlap$")).Success)
            Assert.True(mentee.MeetingWindows.Count == 0 && mentor.MeetingWindows.Count == 0, sentence);
        else if (Regex.IsMatch(sentence, @"^[\d.]+ hours? a week when you can both meet, the first \w+ \d\d:\d\d–\d\d:\d\d your time \(.+\), \w+ \d\d:\d\d–\d\d:\d\d theirs \(.+\)$"))
            Assert.True(mentee.MeetingWindows.Count > 0 || mentor.MeetingWindows.Count > 0, sentence);
        else
            Assert.Fail($"A shown sentence this test cannot read back: “{sentence}”. Teach it the new words.");
    }
}
