namespace Trellis.Matching.Cohort;

public enum MatchMode { Optimal, Stable }

/// <summary>The command line of <c>trellis match</c>, parsed and checked before any file is opened.</summary>
public sealed record MatchOptions(string Mentees, string Mentors, MatchMode Mode, string Out, int K, int Penalty, int? MaxPerMentor)
{
    public const string Usage =
        "usage: match --mentees mentees.csv --mentors mentors.csv --mode optimal|stable --out matches.csv " +
        "[--k 50] [--penalty 10000] [--max-per-mentor N]";

    public static (MatchOptions? Options, List<string> Errors) Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>();
        var errors = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                errors.Add($"unexpected argument '{args[i]}'.");
            else values[args[i][2..]] = args[++i];
        }
        foreach (var name in values.Keys.Except(["mentees", "mentors", "mode", "out", "k", "penalty", "max-per-mentor"]))
            errors.Add($"unknown option --{name}.");
        foreach (var name in new[] { "mentees", "mentors", "mode", "out" })
            if (!values.ContainsKey(name)) errors.Add($"--{name} is required.");

        var mode = values.GetValueOrDefault("mode") switch
        {
            "optimal" => MatchMode.Optimal,
            "stable" => MatchMode.Stable,
            null => MatchMode.Optimal,
            var other => Error<MatchMode>($"--mode must be optimal or stable, not '{other}'."),
        };
        var k = Number("k", 50, 1, 1_000);
        var penalty = Number("penalty", 10_000, 0, 1_000_000);
        int? cap = values.ContainsKey("max-per-mentor") ? Number("max-per-mentor", 0, 0, 1_000) : null;
        if (errors.Count > 0) return (null, errors);
        return (new MatchOptions(values["mentees"], values["mentors"], mode, values["out"], k, penalty, cap), errors);

        int Number(string name, int fallback, int min, int max)
        {
            if (!values.TryGetValue(name, out var text)) return fallback;
            if (int.TryParse(text, out var n) && n >= min && n <= max) return n;
            errors.Add($"--{name} must be a whole number from {min} to {max}, not '{text}'.");
            return fallback;
        }

        T Error<T>(string message)
        {
            errors.Add(message);
            return default!;
        }
    }
}
