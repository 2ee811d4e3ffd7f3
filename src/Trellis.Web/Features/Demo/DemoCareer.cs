using Trellis.Web.Features.Profiles;

namespace Trellis.Web.Features.Demo;

/// <summary>A career step, and how prose names its organisation ("at a youth charity").</summary>
public sealed record DemoJob(CareerStep Step, string At);

/// <summary>1–4 jobs that start <c>years</c> ago and end with the current one, titles rising with seniority.</summary>
public static class DemoCareer
{
    private static readonly string[] Summaries =
    [
        "Mostly {0} and {1}.",
        "Focused on {0}.",
        "{0}, {1}, and a lot of meetings.",
        "Worked mainly on {0}; picked up {1} along the way.",
    ];

    public static List<DemoJob> History(Random r, DemoField field, int years, int currentYear)
    {
        var stage = DemoCommunity.Stage(years);
        var wanted = stage switch { 0 => 1, 1 => r.Next(1, 3), 2 => r.Next(2, 4), _ => r.Next(2, 5) };
        var steps = Math.Min(wanted, years + 1);
        var first = currentYear - years;

        // Job changes spread over the career, a little uneven, one per year at most.
        var starts = new List<int> { first };
        for (var i = 1; i < steps; i++)
        {
            var even = first + years * i / (double)steps;
            var jitter = (r.NextDouble() - 0.5) * 0.6 * years / steps;
            starts.Add(Math.Clamp((int)Math.Round(even + jitter), starts[^1] + 1, currentYear - (steps - 1 - i)));
        }

        // Some people came from somewhere else entirely before this field.
        var changer = steps >= 2 && r.NextDouble() < 0.15;
        var history = new List<DemoJob>();
        string? previousOrganisation = null;
        for (var i = 0; i < starts.Count; i++)
        {
            var (from, last) = (starts[i], i == starts.Count - 1);
            var to = last ? currentYear : starts[i + 1];
            var jobField = changer && i == 0 ? r.Pick(DemoFields.All) : field;
            // A job's title fits how far into the career it sat; the last one is today's.
            var title = r.Pick(jobField.Titles[last ? stage : DemoCommunity.Stage((from + to) / 2 - first)]);
            var organisation = r.Pick(jobField.Organisations);
            if (organisation == previousOrganisation) organisation = r.Pick(jobField.Organisations);
            previousOrganisation = organisation;
            history.Add(new DemoJob(new CareerStep
            {
                Title = title,
                Organisation = OrganisationName(organisation),
                FromYear = from,
                ToYear = last ? null : to,
                Summary = r.NextDouble() < 0.35 ? Summary(r, jobField) : "",
            }, organisation));
        }
        return history;
    }

    /// <summary>Prose says "at a youth charity"; a career entry just says "Youth charity".</summary>
    public static string OrganisationName(string organisation)
    {
        foreach (var article in new[] { "a ", "an ", "the " })
            if (organisation.StartsWith(article, StringComparison.Ordinal))
                return char.ToUpperInvariant(organisation[article.Length]) + organisation[(article.Length + 1)..];
        return organisation;
    }

    private static string Summary(Random r, DemoField field)
    {
        var skills = r.PickSome(field.Skills, 2);
        return DemoProse.Capitalise(string.Format(System.Globalization.CultureInfo.InvariantCulture, r.Pick(Summaries), skills[0], skills[1]));
    }
}
