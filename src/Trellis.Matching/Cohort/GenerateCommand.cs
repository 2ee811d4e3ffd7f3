namespace Trellis.Matching.Cohort;

/// <summary><c>generate</c>: writes a synthetic cohort (mentees.csv, mentors.csv) for timing the match command.</summary>
public static class GenerateCommand
{
    public const string Usage = "usage: generate --out-dir folder [--mentees 100000] [--mentors 20000] [--min-capacity 5] [--max-capacity 5] [--seed 1]";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) values[args[i].TrimStart('-')] = args[i + 1];
        if (args.Length % 2 != 0 || !values.TryGetValue("out-dir", out var folder))
        {
            stderr.WriteLine(Usage);
            return MatchCommand.BadInput;
        }
        int Number(string name, int fallback) => values.TryGetValue(name, out var v) && int.TryParse(v, out var n) && n >= 0 ? n : fallback;
        var (mentees, mentors) = (Number("mentees", 100_000), Number("mentors", 20_000));
        var (min, max) = (Number("min-capacity", 5), Number("max-capacity", 5));
        CohortGenerator.Write(folder, mentees, mentors, Number("seed", 1), min, Math.Max(min, max));
        stdout.WriteLine($"wrote {mentees:N0} mentees and {mentors:N0} mentors to {folder}");
        return MatchCommand.Ok;
    }
}
