using System.CommandLine;

namespace Trellis.Matching.CommandLine;

/// <summary>A command with a one-line usage, printed after any error in its arguments.</summary>
public sealed class UsageCommand(string name, string description, string usage) : Command(name, description)
{
    public string Usage { get; } = usage;
}

/// <summary>
/// The one way Trellis parses a command line (System.CommandLine): every problem with the
/// arguments is printed on its own line, then the command's usage, and the exit code is 2;
/// nothing runs. Otherwise the command's action runs with the given writers.
/// </summary>
public static class Commands
{
    public const int Ok = 0, Failed = 1, BadInput = 2;

    public static async Task<int> InvokeAsync(RootCommand root, IReadOnlyList<string> args, TextWriter stdout,
        TextWriter stderr, CancellationToken ct = default)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) await stderr.WriteLineAsync(error.Message);
            var usage = parsed.CommandResult.Command is UsageCommand c ? c.Usage : "run with --help to see the commands";
            await stderr.WriteLineAsync($"usage: {usage}");
            return BadInput;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, ct);
    }

    /// <summary>A whole-number option with its range, reported in the same words whatever went wrong.</summary>
    public static Option<int> Number(string name, string description, int fallback, int min, int max)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => fallback };
        option.CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
                return n;
            result.AddError($"{name} must be a whole number from {min} to {max}, not '{text}'.");
            return fallback;
        };
        return option;
    }
}
