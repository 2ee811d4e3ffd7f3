using Trellis.Matching.Cohort;
using Trellis.Web.Features.Demo;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web;

/// <summary>
/// The admin command line lives in the same executable as the site:
/// <c>dotnet run --project src/Trellis.Web -- &lt;command&gt;</c>.
/// </summary>
public static class AdminCommands
{
    private static readonly string[] Names = ["migrate", "seed-demo", "match", "generate", "admin", "programme", "help"];

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
                foreach (var person in DemoCommunity.Generate(3, seed, app.Services.GetRequiredService<TimeProvider>().GetUtcNow().Year))
                    Console.WriteLine($"  {person.Email}");
                return 0;
            case "match":
                // The real sentence model unless asked for the fast hashing stand-in (big cohorts: the model
                // costs about 6 ms of CPU per text, spread over every core here).
                var rest = args[1..].Where(a => a != "--hashing-embedder").ToArray();
                return rest.Length < args.Length - 1
                    ? MatchCommand.Run(rest, Console.Out, Console.Error)
                    : MatchCommand.Run(rest, Console.Out, Console.Error, texts => EmbedInParallel(app.Services.GetRequiredService<Embedder>(), texts));
            case "generate":
                return GenerateCommand.Run(args[1..], Console.Out, Console.Error);
            case "admin":
                await app.Services.MigrateAsync(ct);
                return await Features.Admin.AdministratorsCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error, ct);
            case "programme":
                await app.Services.MigrateAsync(ct);
                return await Features.Programmes.ProgrammeCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error, ct);
            default:
                Console.WriteLine("""
                    Trellis admin commands (dotnet run --project src/Trellis.Web -- <command>):
                      migrate                          apply database migrations and exit
                      seed-demo [--count N] [--seed S] add a demo community (default 500 members, seed 42)
                      match --mentees F --mentors F --mode optimal|stable --out F [--k 50] [--penalty N] [--max-per-mentor N] [--hashing-embedder]
                                                       match a whole cohort from CSV files (docs/matching.md)
                      generate ...                     write a synthetic cohort's CSV files (see docs/matching.md)
                      admin grant|revoke <email>       make a member a site administrator, or stop (revoking signs them out)
                      admin list                       the site's administrators (docs/moderation.md)
                      programme create --slug S --name N --kind cohort|evergreen --owner EMAIL
                                                       create a mentoring programme owned by a member (docs/programmes.md)
                      programme list                   every programme and its state
                    """);
                return 0;
        }
    }

    private static float[][] EmbedInParallel(Embedder embedder, string[] texts)
    {
        var result = new float[texts.Length][];
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, texts.Length, 256), range =>
        {
            var vectors = embedder.EmbedMany(texts[range.Item1..range.Item2]);
            Array.Copy(vectors, 0, result, range.Item1, vectors.Length);
        });
        return result;
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}
