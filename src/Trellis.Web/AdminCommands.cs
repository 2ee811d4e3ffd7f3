using Trellis.Web.Features.Demo;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web;

/// <summary>
/// The admin command line lives in the same executable as the site:
/// <c>dotnet run --project src/Trellis.Web -- &lt;command&gt;</c>.
/// </summary>
public static class AdminCommands
{
    private static readonly string[] Names = ["migrate", "seed-demo", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var ct = app.Lifetime.ApplicationStopping;
        switch (args[0])
        {
            case "migrate":
                await app.Services.MigrateAsync(ct);
                Console.WriteLine("Database is up to date.");
                return 0;
            case "seed-demo":
                await app.Services.MigrateAsync(ct);
                var count = IntOption(args, "--count", 500);
                var seed = IntOption(args, "--seed", 42);
                var added = await DemoSeeder.SeedAsync(app.Services, count, seed, Console.Out, ct);
                Console.WriteLine($"Added {added} demo members (seed {seed}). Every demo account signs in with the password '{DemoSeeder.Password}', for example:");
                foreach (var person in DemoCommunity.Generate(3, seed, DateTimeOffset.UtcNow.Year))
                    Console.WriteLine($"  {person.Email}");
                return 0;
            default:
                Console.WriteLine("""
                    Trellis admin commands (dotnet run --project src/Trellis.Web -- <command>):
                      migrate                          apply database migrations and exit
                      seed-demo [--count N] [--seed S] add a demo community (default 500 members, seed 42)
                    """);
                return 0;
        }
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}
