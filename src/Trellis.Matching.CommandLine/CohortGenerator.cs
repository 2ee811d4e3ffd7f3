using nietras.SeparatedValues;

namespace Trellis.Matching.CommandLine;

/// <summary>
/// Writes a synthetic, seeded cohort in the documented CSV format, so the match command can be
/// timed at full scale without real people's data. Each person writes mostly about one of a dozen
/// topics, so similarities have the structure real goals and expertise have.
/// </summary>
public static class CohortGenerator
{
    private static readonly string[][] Topics =
    [
        ["leadership", "team", "manager", "feedback", "delegation", "hiring", "coaching", "conflict", "culture", "vision"],
        ["data", "analytics", "sql", "dashboards", "statistics", "python", "modelling", "warehouse", "metrics", "experiments"],
        ["frontend", "javascript", "css", "accessibility", "react", "design", "components", "browser", "performance", "testing"],
        ["backend", "api", "databases", "distributed", "queues", "scaling", "latency", "caching", "services", "reliability"],
        ["product", "roadmap", "discovery", "customers", "prioritisation", "strategy", "launch", "research", "pricing", "market"],
        ["security", "threats", "identity", "encryption", "compliance", "audit", "incident", "privacy", "risk", "vulnerabilities"],
        ["career", "promotion", "negotiation", "networking", "portfolio", "interviews", "confidence", "goals", "growth", "transition"],
        ["speaking", "writing", "presentations", "storytelling", "communication", "influence", "meetings", "documentation", "clarity", "audience"],
        ["finance", "budget", "forecasting", "accounting", "investment", "controlling", "reporting", "cost", "revenue", "planning"],
        ["machine", "learning", "neural", "training", "inference", "embeddings", "evaluation", "datasets", "features", "deployment"],
        ["operations", "process", "logistics", "quality", "supply", "lean", "automation", "vendors", "efficiency", "safety"],
        ["entrepreneurship", "startup", "fundraising", "founders", "sales", "growth", "pitch", "investors", "hustle", "validation"],
    ];

    private static readonly string[] OtherLanguages = ["de", "fr", "es", "pt", "nl", "it", "pl"];

    public static void Write(string folder, int mentees, int mentors, int seed, int minCapacity, int maxCapacity)
    {
        var random = new Random(seed);
        Directory.CreateDirectory(folder);
        WriteSide(Path.Combine(folder, "mentees.csv"), "e", mentees, random, capacity: null, "goals", "I want to get better at");
        WriteSide(Path.Combine(folder, "mentors.csv"), "m", mentors, random, (minCapacity, maxCapacity), "expertise", "I can help with");
    }

    private static void WriteSide(string path, string prefix, int count, Random random, (int Min, int Max)? capacity, string textColumn, string opening)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(path);
        for (var p = 0; p < count; p++)
        {
            using var row = writer.NewRow();
            row["id"].Set($"{prefix}{p}");
            row["name"].Set($"{(prefix == "e" ? "Mentee" : "Mentor")} {p}");
            row["languages"].Set(Languages(random));
            row["org_unit"].Set(random.Next(10) == 0 ? "" : $"unit-{random.Next(200)}");
            if (capacity is { } c) row["capacity"].Format(random.Next(c.Min, c.Max + 1));
            row[textColumn].Set(Text(random, opening));
        }
    }

    private static string Languages(Random random)
    {
        var spoken = new List<string>();
        if (random.Next(100) < 85) spoken.Add("en");
        if (spoken.Count == 0 || random.Next(100) < 40) spoken.Add(OtherLanguages[random.Next(OtherLanguages.Length)]);
        return string.Join(';', spoken);
    }

    private static string Text(Random random, string opening)
    {
        var topic = Topics[random.Next(Topics.Length)];
        var words = Enumerable.Range(0, random.Next(8, 16)).Select(_ =>
            random.Next(10) < 7 ? topic[random.Next(topic.Length)] : Topics[random.Next(Topics.Length)][random.Next(10)]);
        return $"{opening} {string.Join(' ', words)}";
    }
}
