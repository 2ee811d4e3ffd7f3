using System.Globalization;
using System.Text;
using Trellis.Web.Features.Profiles;

namespace Trellis.Web.Features.Demo;

/// <summary>Puts <see cref="DemoText"/> fragments together into a headline, a bio and mentee goals.</summary>
public static class DemoProse
{
    public static string Headline(Random r, DemoFacts facts, bool seeking, bool mentoring)
    {
        var shapes = mentoring && r.NextDouble() < 0.4 ? DemoText.MentorHeadlines
            : seeking && r.NextDouble() < 0.3 ? DemoText.SeekerHeadlines
            : DemoText.Headlines;
        var headline = Fill(r, r.Pick(shapes), facts);
        return headline.Length <= ProfileInput.HeadlineMax ? headline : Fill(r, "{role} at {org}", facts);
    }

    public static string Bio(Random r, DemoFacts facts, List<DemoJob> career, List<string> interests, int motivation, bool both)
    {
        // A few people never fill in a bio; a few write one line.
        var roll = r.NextDouble();
        if (roll < 0.03) return "";
        var sentences = new List<string>();
        if (roll < 0.9) sentences.Add(r.Pick(DemoText.Openings[facts.Stage]));
        // One line about the work: two from the same field can contradict each other ("I study soil microbes").
        if (roll >= 0.15 || sentences.Count == 0) sentences.Add(r.Pick(facts.Field.Work));
        if (career.Count >= 2 && r.NextDouble() < 0.4) sentences.Add(Earlier(r, career));
        if (roll >= 0.15 && r.NextDouble() < 0.25) sentences.Add(r.Pick(DemoText.Stories));
        if (roll >= 0.15 && r.NextDouble() < 0.4)
            sentences.Add(r.Pick(motivation >= 0 ? DemoText.MentorStyles : DemoText.SeekerOffers));

        var personal = roll >= 0.15 && r.NextDouble() < 0.75 ? Personal(r, interests) : null;
        var closer = motivation >= 0 ? r.Pick(DemoText.MentorClosers[motivation]) : r.Pick(DemoText.SeekerClosers);
        if (both && r.NextDouble() < 0.6) closer = r.Pick(DemoText.BothClosers);

        var bio = new StringBuilder(Fill(r, string.Join(" ", sentences), facts));
        // Some people write in paragraphs, most in one.
        var paragraph = r.NextDouble() < 0.3 ? "\n\n" : " ";
        if (personal is not null) bio.Append(paragraph).Append(Fill(r, personal, facts));
        if (roll >= 0.08) bio.Append(paragraph).Append(Fill(r, closer, facts));
        return bio.ToString().Trim();
    }

    public static string Goals(Random r, DemoFacts facts)
    {
        var parts = new List<string>();
        if (r.NextDouble() < 0.6) parts.Add(r.Pick(DemoText.GoalContexts[facts.Stage]));
        var fieldGoals = facts.Field.Goals.Where(g => g.MinStage <= facts.Stage && facts.Stage <= g.MaxStage).ToArray();
        var fieldGoal = fieldGoals.Length > 0 && r.NextDouble() < 0.65;
        if (fieldGoal) parts.Add(r.Pick(fieldGoals).Text);
        var aims = DemoText.Aims.Where(a => a.MinStage <= facts.Stage && facts.Stage <= a.MaxStage).ToArray();
        if (!fieldGoal || r.NextDouble() < 0.45) parts.Add(r.Pick(r.Pick(aims).Phrasings));
        // One bare sentence reads like a form; most people add a line about what they hope for.
        if (parts.Count == 1 || r.NextDouble() < 0.45) parts.Add(r.Pick(DemoText.GoalWishes));
        return Fill(r, string.Join(" ", parts), facts);
    }

    private static string Earlier(Random r, List<DemoJob> career)
    {
        var (first, previous) = (career[0], career[^2]);
        return r.Next(3) switch
        {
            0 => $"Before that I was {An(previous.Step.Title)} at {previous.At}.",
            1 => $"I started out as {An(first.Step.Title)} at {first.At} back in {first.Step.FromYear.ToString(CultureInfo.InvariantCulture)}.",
            _ => $"My first job was as {An(first.Step.Title)}, which I still draw on.",
        };
    }

    private static string Personal(Random r, List<string> interests)
    {
        var withLines = DemoText.Interests.Where(i => interests.Contains(i.Name)).ToArray();
        if (withLines.Length > 0 && r.NextDouble() < 0.7) return r.Pick(r.Pick(withLines).Lines);
        var shape = r.Pick(DemoText.GenericPersonal);
        return shape.Replace("{interest1}", interests[0], StringComparison.Ordinal)
            .Replace("{interest2}", interests[^1], StringComparison.Ordinal);
    }

    /// <summary>Replaces the placeholders of <see cref="DemoText"/> and capitalises each sentence start.</summary>
    public static string Fill(Random r, string text, DemoFacts facts)
    {
        if (!text.Contains('{', StringComparison.Ordinal)) return text;
        var next = facts.Field.Titles[Math.Min(facts.Stage + 1, 3)];
        var nextRole = r.Pick(next.Where(t => t != facts.Role).ToArray());
        var filled = text
            .Replace("{a role}", An(facts.Role), StringComparison.Ordinal)
            .Replace("{role}", facts.Role, StringComparison.Ordinal)
            .Replace("{next role}", nextRole, StringComparison.Ordinal)
            .Replace("{org}", facts.Organisation, StringComparison.Ordinal)
            .Replace("{city}", facts.Place.City, StringComparison.Ordinal)
            .Replace("{field}", facts.Field.Prose, StringComparison.Ordinal)
            .Replace("{tenure}", Tenure(facts.Years), StringComparison.Ordinal)
            .Replace("{since}", (facts.CurrentYear - facts.Years).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{specialty}", facts.Specialty, StringComparison.Ordinal)
            .Replace("{skill}", facts.Skills[0], StringComparison.Ordinal)
            .Replace("{topic}", r.NextDouble() < 0.7 ? facts.Specialty : r.Pick(DemoText.GeneralTopics), StringComparison.Ordinal);
        return CapitaliseSentences(filled);
    }

    private static string Tenure(int years) => years switch
    {
        0 => "a few months",
        1 => "a year",
        _ => years.ToString(CultureInfo.InvariantCulture) + " years",
    };

    /// <summary>"an HR Manager", "a UX Designer", "an Engineering Manager", "a University Lecturer".</summary>
    public static string An(string title)
    {
        var acronym = title.Length > 1 && char.IsUpper(title[0]) && char.IsUpper(title[1]);
        var vowelSound = acronym
            ? "AEFHILMNORSX".Contains(title[0], StringComparison.Ordinal)
            : "AEIOUaeiou".Contains(title[0], StringComparison.Ordinal)
              && !title.StartsWith("Uni", StringComparison.OrdinalIgnoreCase)
              && !title.StartsWith("Eu", StringComparison.OrdinalIgnoreCase);
        return (vowelSound ? "an " : "a ") + title;
    }

    public static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string CapitaliseSentences(string text)
    {
        var chars = text.ToCharArray();
        var start = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (start && char.IsLetter(chars[i])) { chars[i] = char.ToUpperInvariant(chars[i]); start = false; }
            else if (chars[i] is '.' or '!' or '?') start = i + 1 < chars.Length && chars[i + 1] is ' ' or '\n';
            else if (!char.IsWhiteSpace(chars[i])) start = false;
        }
        return new string(chars);
    }
}
