using System.CommandLine;

namespace Trellis.Matching.CommandLine;

/// <summary><c>generate</c>: writes a synthetic cohort (mentees.csv, mentors.csv) for timing the match command.</summary>
public static class GenerateCommand
{
    public const string Usage =
        "generate --out-dir folder [--mentees 100000] [--mentors 20000] [--min-capacity 5] [--max-capacity 5] [--seed 1]";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Commands.InvokeAsync(new RootCommand { Create() }, ["generate", .. args], stdout, stderr).GetAwaiter().GetResult();

    public static Command Create()
    {
        var folder = new Option<string>("--out-dir") { Description = "folder for mentees.csv and mentors.csv", Required = true };
        var mentees = Commands.Number("--mentees", "how many mentees", 100_000, 0, 10_000_000);
        var mentors = Commands.Number("--mentors", "how many mentors", 20_000, 0, 10_000_000);
        var min = Commands.Number("--min-capacity", "fewest places a mentor offers", 5, 0, 1_000);
        var max = Commands.Number("--max-capacity", "most places a mentor offers", 5, 0, 1_000);
        var seed = Commands.Number("--seed", "random seed", 1, 0, int.MaxValue);
        var command = new UsageCommand("generate", "write a synthetic cohort's CSV files (docs/matching.md)", Usage)
        {
            folder, mentees, mentors, min, max, seed,
        };
        command.SetAction(parsed =>
        {
            var (out_, n, m, low) = (parsed.GetRequiredValue(folder), parsed.GetValue(mentees), parsed.GetValue(mentors), parsed.GetValue(min));
            CohortGenerator.Write(out_, n, m, parsed.GetValue(seed), low, Math.Max(low, parsed.GetValue(max)));
            parsed.InvocationConfiguration.Output.WriteLine($"wrote {n:N0} mentees and {m:N0} mentors to {out_}");
            return Ok;
        });
        return command;
    }

    private const int Ok = Commands.Ok;
}
