using System.Globalization;
using Trellis.Web.Features.Profiles;

namespace Trellis.Web.Features.Demo;

public sealed record DemoPerson(string Email, ProfileInput Profile);

/// <summary>
/// A deterministic, realistic demo community: the same seed gives the same people, and a larger count
/// only appends people (each person draws from one shared <see cref="Random"/> in order), so seeding 500
/// and later 1,000 adds the second 500 without touching the first.
/// </summary>
public static class DemoCommunity
{
    private enum Role { Mentee, Mentor, Both }

    public static IReadOnlyList<DemoPerson> Generate(int count, int seed, int currentYear)
    {
        var random = new Random(seed);
        var people = new List<DemoPerson>(count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++) people.Add(Person(random, i + 1, currentYear, names));
        return people;
    }

    private static DemoPerson Person(Random r, int number, int currentYear, HashSet<string> names)
    {
        var culture = r.PickWeighted(DemoNames.Cultures, c => c.Weight);
        var (given, family) = (r.Pick(culture.Given), r.Pick(culture.Family));
        // Two members with one name happen, but rarely; try a couple of other family names first.
        for (var attempt = 0; attempt < 3 && names.Contains($"{given} {family}"); attempt++) family = r.Pick(culture.Family);
        names.Add($"{given} {family}");
        var origin = r.Pick(culture.Homes);
        // Some members live far from where their name comes from: London, Dubai, Toronto, Singapore...
        var place = r.NextDouble() < 0.18 ? r.Pick(DemoNames.Hubs) : origin;
        var field = r.Pick(DemoFields.All);

        var role = r.NextDouble() switch { < 0.40 => Role.Mentee, < 0.75 => Role.Mentor, _ => Role.Both };
        var years = YearsOfExperience(r, role);
        var stage = Stage(years);
        var career = DemoCareer.History(r, field, years, currentYear);
        var current = career[^1];
        var facts = new DemoFacts(field, place, stage, years, current.Step.Title, current.At,
            r.Pick(field.Specialties), r.PickSome(field.Skills, r.Next(4, 10)), currentYear);
        var (start, end) = WorkingHours(r, field);

        var profile = new ProfileInput
        {
            DisplayName = $"{given} {family}",
            TimeZone = place.TimeZone,
            WorkdayStartHour = start,
            WorkdayEndHour = end,
            Languages = Languages(r, origin, place),
            Field = field.Name,
            CurrentRole = current.Step.Title,
            YearsOfExperience = years,
            CareerHistory = career.Select(j => j.Step).ToList(),
            Skills = [.. facts.Skills, .. r.NextDouble() < 0.3 ? r.PickSome(DemoText.GeneralSkills, r.Next(1, 3)) : []],
            Interests = r.PickSome(DemoText.Interests.Select(i => i.Name).ToArray(), r.Next(2, 6)),
            Visibility = r.NextDouble() < 0.2 ? ProfileVisibility.Public : ProfileVisibility.Members,
        };
        profile.Skills = profile.Skills.Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        if (role is Role.Mentee or Role.Both)
        {
            profile.SeekingMentor = true;
            profile.MenteeGoals = DemoProse.Goals(r, facts);
            profile.QualitiesSought = r.PickSome(DemoText.QualitiesSought, r.Next(2, 6));
            profile.PreferredFormats = Formats(r, r.Next(1, 4));
        }
        if (role is Role.Mentor or Role.Both)
        {
            profile.OpenToMentoring = true;
            profile.MentorCapacity = r.Next(1, 6);
            profile.HoursPerMonth = r.Next(2, 11);
            profile.MentorTopics = MentorTopics(r, facts);
            profile.QualitiesOffered = r.PickSome(DemoText.QualitiesOffered, r.Next(2, 6));
            profile.FormatsOffered = Formats(r, r.Next(1, 5));
            profile.Motivations = r.PickSome(ProfileInput.MotivationValues, r.Next(1, 4));
            profile.OpenToPeerMentoring = r.NextDouble() < (stage <= 2 ? 0.4 : 0.2);
            profile.OpenToReverseMentoring = stage >= 2 && r.NextDouble() < 0.3;
        }
        CareerCoachFacts(new Random(number * 7_919 + 14), profile, field, role);
        var motivation = profile.Motivations.Count > 0 ? Array.IndexOf(ProfileInput.MotivationValues, profile.Motivations[0]) : -1;
        profile.Headline = DemoProse.Headline(r, facts, seeking: role == Role.Mentee, mentoring: role != Role.Mentee);
        profile.Bio = DemoProse.Bio(r, facts, career, profile.Interests, motivation, both: role == Role.Both);

        var email = DemoNames.EmailLocalPart(given, family) + number.ToString(CultureInfo.InvariantCulture) + "@demo.trellis.test";
        return new DemoPerson(email, profile);
    }

    /// <summary>
    /// The profile facts matching treats as hard rules or direction of travel (issue 14), for a realistic share of members:
    /// a field worked in before, a move to another field, a language that must be shared, a peer or someone junior asked
    /// for, evening or weekend windows and "require overlap". Drawn from their own generator so everyone else stays as seeded.
    /// </summary>
    private static void CareerCoachFacts(Random r, ProfileInput profile, DemoField field, Role role)
    {
        if (r.NextDouble() < 0.25) profile.PreviousFields = [r.Pick(DemoFields.All.Where(f => f != field).ToArray()).Name];
        if (r.NextDouble() < 0.25)
            profile.MeetingWindows = r.NextDouble() < 0.5
                ? [new() { Day = DayOfWeek.Tuesday, Start = "19:00", End = "21:00" }, new() { Day = DayOfWeek.Thursday, Start = "19:00", End = "21:00" }]
                : [new() { Day = DayOfWeek.Saturday, Start = "09:30", End = "12:00" }];
        if (role == Role.Mentor) return;
        if (r.NextDouble() < 0.2)
        {
            var target = r.Pick(DemoFields.All.Where(f => f != field).ToArray());
            (profile.Direction, profile.TargetField, profile.TargetRole) = (CareerDirection.Move, target.Name, r.Pick(r.Pick(target.Titles)));
        }
        if (profile.Languages.Count > 1 && r.NextDouble() < 0.3) profile.RequiredLanguages = [profile.Languages.First(l => l != "en")];
        profile.Ask = r.NextDouble() switch { < 0.06 => AskFor.Peer, < 0.09 => AskFor.Junior, _ => AskFor.Mentor };
        profile.RequireMeetingOverlap = profile.MeetingWindows.Count > 0 && r.NextDouble() < 0.5;
    }

    /// <summary>Mentees lean early-career; people who mentor have usually been around a while.</summary>
    private static int YearsOfExperience(Random r, Role role)
    {
        var roll = r.NextDouble();
        var stage = role switch
        {
            Role.Mentee => roll switch { < 0.33 => 0, < 0.68 => 1, < 0.91 => 2, _ => 3 },
            Role.Mentor => roll switch { < 0.15 => 1, < 0.55 => 2, _ => 3 },
            _ => roll switch { < 0.10 => 1, < 0.60 => 2, _ => 3 },
        };
        return stage switch
        {
            0 => r.Next(0, 3),
            1 => role == Role.Mentee ? r.Next(3, 8) : r.Next(5, 8),
            2 => r.Next(8, 16),
            // Fewer people at 40 years than at 16.
            _ => 16 + Math.Min(r.Next(0, 25), r.Next(0, 25)),
        };
    }

    public static int Stage(int years) => years switch { <= 2 => 0, <= 7 => 1, <= 15 => 2, _ => 3 };

    /// <summary>Local hours in the member's own zone; wards and kitchens run on shifts.</summary>
    private static (int Start, int End) WorkingHours(Random r, DemoField field)
    {
        if (field.Name.StartsWith("Nursing", StringComparison.Ordinal)) return r.Pick([(7, 15), (7, 19), (8, 20), (13, 21)]);
        if (field.Name == "Hospitality") return r.Pick([(10, 18), (11, 22), (7, 15), (14, 23)]);
        var start = r.NextDouble() switch { < 0.1 => 7, < 0.4 => 8, < 0.8 => 9, _ => 10 };
        var length = r.NextDouble() < 0.1 ? r.Next(4, 7) : r.Next(8, 10);
        return (start, start + length);
    }

    private static readonly string[] ExtraLanguages = ["fr", "es", "de", "pt", "it", "ar", "zh", "ja", "ru", "nl"];

    private static List<string> Languages(Random r, DemoPlace origin, DemoPlace place)
    {
        var languages = new List<string>();
        // Children of people who moved don't always keep the family language.
        if (origin == place || r.NextDouble() < 0.75) languages.AddRange(origin.Languages);
        foreach (var language in place.Languages) if (!languages.Contains(language)) languages.Add(language);
        if (!languages.Contains("en") && r.NextDouble() < 0.75) languages.Add("en");
        if (r.NextDouble() < 0.15)
        {
            var extra = r.Pick(ExtraLanguages);
            if (!languages.Contains(extra)) languages.Add(extra);
        }
        return languages;
    }

    private static List<string> Formats(Random r, int count)
    {
        // Video first: most mentoring pairs never share a city.
        var formats = new List<string> { r.NextDouble() < 0.8 ? "video" : r.Pick(ProfileInput.Formats) };
        foreach (var format in r.PickSome(ProfileInput.Formats, count))
            if (formats.Count < count && !formats.Contains(format)) formats.Add(format);
        return formats;
    }

    private static List<string> MentorTopics(Random r, DemoFacts facts)
    {
        var topics = facts.Stage >= 2
            ? r.PickSome(facts.Field.Topics, r.Next(2, 5))
            : r.PickSome(DemoText.EarlyTopics, r.Next(1, 3));
        if (r.NextDouble() < 0.6) topics.AddRange(r.PickSome(DemoText.GeneralTopics, r.Next(1, 3)));
        return topics;
    }
}

/// <summary>What the prose about one person may refer to.</summary>
public sealed record DemoFacts(
    DemoField Field, DemoPlace Place, int Stage, int Years,
    string Role, string Organisation, string Specialty, List<string> Skills, int CurrentYear);

internal static class RandomPicks
{
    public static T Pick<T>(this Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    public static T PickWeighted<T>(this Random r, IReadOnlyList<T> items, Func<T, int> weight)
    {
        var roll = r.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0) return item;
        }
        return items[^1];
    }

    /// <summary>Up to <paramref name="count"/> distinct items in random order (a partial Fisher–Yates shuffle).</summary>
    public static List<T> PickSome<T>(this Random r, IReadOnlyList<T> items, int count)
    {
        var pool = items.ToArray();
        var take = Math.Min(count, pool.Length);
        for (var i = 0; i < take; i++)
        {
            var j = r.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool.Take(take).ToList();
    }
}
