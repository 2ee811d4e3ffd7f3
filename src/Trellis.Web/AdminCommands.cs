using System.CommandLine;
using Trellis.Matching.CommandLine;
using Trellis.Matching.Embeddings;
using Trellis.Web.Features.Admin;
using Trellis.Web.Features.Demo;
using Trellis.Web.Features.Programmes;
using Trellis.Web.Features.Programmes.Matching;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web;

/// <summary>
/// The admin command line lives in the same executable as the site:
/// <c>dotnet run --project src/Trellis.Web -- &lt;command&gt;</c>. Parsed by System.CommandLine, like
/// the cohort commands it hosts (<see cref="Commands"/>): one way for every command.
/// </summary>
public static class AdminCommands
{
    private static readonly string[] Names = ["migrate", "seed-demo", "seed-programme", "match", "generate", "admin", "programme", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static Task<int> RunAsync(WebApplication app, string[] args) =>
        RunAsync(app.Services, args, Console.Out, Console.Error, app.Lifetime.ApplicationStopping);

    /// <summary>One command against these services, writing to these writers (tests run the commands this way).</summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct) =>
        Commands.InvokeAsync(Root(services), args[0] == "help" ? ["--help"] : args, output, error, ct);

    private static RootCommand Root(IServiceProvider services)
    {
        var root = new RootCommand("Trellis admin commands (dotnet run --project src/Trellis.Web -- <command>)");

        var migrate = new Command("migrate", "apply database migrations and exit");
        migrate.SetAction(async (parsed, ct) =>
        {
            await services.MigrateAsync(ct);
            await parsed.InvocationConfiguration.Output.WriteLineAsync("Database is up to date.");
            return 0;
        });

        var count = Commands.Number("--count", "how many demo members", 500, 1, 100_000);
        var seed = Commands.Number("--seed", "random seed", 42, 0, int.MaxValue);
        var seedDemo = new UsageCommand("seed-demo", "add a demo community (default 500 members, seed 42)",
            "seed-demo [--count 500] [--seed 42]") { count, seed };
        seedDemo.SetAction((parsed, ct) => SeedDemoAsync(services, parsed.GetValue(count), parsed.GetValue(seed),
            parsed.InvocationConfiguration.Output, ct));

        var slug = new Option<string>("--slug") { Description = "the programme's address", DefaultValueFactory = _ => "scale" };
        var mentees = Commands.Number("--mentees", "how many mentees", 100_000, 1, 1_000_000);
        var communitySeed = Commands.Number("--seed", "random seed", 42, 0, int.MaxValue);
        var mentors = Commands.Number("--mentors", "how many mentors (5 places each)", 20_000, 1, 1_000_000);
        var seedProgramme = new UsageCommand("seed-programme",
            "add a bulk programme in the matching state with generated members, profiles, stored embeddings and participants",
            "seed-programme [--slug scale] [--mentees 100000] [--mentors 20000] [--seed 42]") { slug, mentees, mentors, communitySeed };
        seedProgramme.SetAction((parsed, ct) => SeedProgrammeAsync(services, parsed.GetValue(slug)!, parsed.GetValue(mentees),
            parsed.GetValue(mentors), parsed.GetValue(communitySeed), parsed.InvocationConfiguration.Output, ct));

        // The real sentence model unless asked for the fast hashing stand-in (big cohorts: the model
        // costs about 6 ms of CPU per text, spread over every core here).
        var match = MatchCommand.Create(hashing => hashing ? HashingEmbedder.Instance : SentenceEmbedder.Shared,
            services.GetRequiredService<TimeProvider>());

        var admin = new Command("admin", "site administrators (docs/moderation.md)");
        var email = new Argument<string>("email");
        foreach (var (verb, description) in new[]
                 {
                     ("grant", "make a member a site administrator"),
                     ("revoke", "stop being one (signs them out everywhere)"),
                 })
        {
            var command = new UsageCommand(verb, description, $"admin {verb} <email>") { email };
            command.SetAction((parsed, ct) => AdministratorsAsync(services, [verb, parsed.GetRequiredValue(email)], parsed, ct));
            admin.Add(command);
        }
        var list = new Command("list", "the site's administrators");
        list.SetAction((parsed, ct) => AdministratorsAsync(services, ["list"], parsed, ct));
        admin.Add(list);

        root.Add(migrate);
        root.Add(seedDemo);
        root.Add(seedProgramme);
        root.Add(match);
        root.Add(GenerateCommand.Create());
        root.Add(admin);
        root.Add(Programme(services));
        return root;
    }

    /// <summary><c>programme create|list</c>, parsed here and run by <see cref="ProgrammeCommand"/>.</summary>
    private static Command Programme(IServiceProvider services)
    {
        var programme = new Command("programme", "mentoring programmes (docs/programmes.md)");
        var list = new Command("list", "every programme and its state");
        list.SetAction((parsed, ct) => ProgrammeAsync(services, ["list"], parsed, ct));
        var slug = new Option<string>("--slug") { Description = "the programme's address" };
        var name = new Option<string>("--name") { Description = "its name" };
        var kind = new Option<string>("--kind") { Description = "cohort or evergreen" };
        var owner = new Option<string>("--owner") { Description = "the owning member's e-mail" };
        var create = new UsageCommand("create", "create a mentoring programme owned by a member",
            "programme create --slug ADDRESS --name NAME --kind cohort|evergreen --owner EMAIL") { slug, name, kind, owner };
        // Missing values are the handler's to report (in the words the admin page uses), so pass what was given.
        create.SetAction((parsed, ct) => ProgrammeAsync(services,
            ["create", .. Given("--slug", parsed.GetValue(slug)), .. Given("--name", parsed.GetValue(name)),
             .. Given("--kind", parsed.GetValue(kind)), .. Given("--owner", parsed.GetValue(owner))], parsed, ct));
        var matchSlug = new Option<string>("--slug") { Description = "the programme's address", Required = true };
        var match = new UsageCommand("match", "queue a bulk run over the remainder and do it now, printing each stage's time",
            "programme match --slug ADDRESS") { matchSlug };
        match.SetAction(async (parsed, ct) =>
        {
            await services.MigrateAsync(ct);
            return await BulkCommand.RunAsync(services, parsed.GetRequiredValue(matchSlug), parsed.InvocationConfiguration.Output,
                parsed.InvocationConfiguration.Error, ct);
        });
        var importSlug = new Option<string>("--slug") { Description = "the programme's address", Required = true };
        var importFile = new Option<string>("--file") { Description = "the participants CSV file (columns in docs/programmes.md)", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "check the file and say what it would do, writing nothing" };
        var import = new UsageCommand("import", "import participants from a CSV file as the programme's owner (the Import page's import)",
            "programme import --slug ADDRESS --file FILE [--dry-run]") { importSlug, importFile, dryRun };
        import.SetAction(async (parsed, ct) =>
        {
            await services.MigrateAsync(ct);
            return await Features.Programmes.Enrolment.ImportCommand.RunAsync(services, parsed.GetRequiredValue(importSlug),
                parsed.GetRequiredValue(importFile), parsed.GetValue(dryRun), parsed.InvocationConfiguration.Output,
                parsed.InvocationConfiguration.Error, ct);
        });
        programme.Add(create);
        programme.Add(list);
        programme.Add(match);
        programme.Add(import);
        return programme;

        static string[] Given(string option, string? value) => value is null ? [] : [option, value];
    }

    private static async Task<int> ProgrammeAsync(IServiceProvider services, string[] args, ParseResult parsed,
        CancellationToken ct)
    {
        await services.MigrateAsync(ct);
        return await ProgrammeCommand.RunAsync(services, args, parsed.InvocationConfiguration.Output,
            parsed.InvocationConfiguration.Error, ct);
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services, int count, int seed, TextWriter output,
        CancellationToken ct)
    {
        await services.MigrateAsync(ct);
        var added = await DemoSeeder.SeedAsync(services, count, seed, output, ct);
        await output.WriteLineAsync($"Added {added} demo members (seed {seed}). Every demo account signs in with " +
            $"the password '{DemoSeeder.Password}', for example:");
        var year = services.GetRequiredService<TimeProvider>().GetUtcNow().Year;
        foreach (var person in DemoCommunity.Generate(3, seed, year))
            await output.WriteLineAsync($"  {person.Email}");
        var programmes = await DemoProgrammes.SeedAsync(services, output, ct);
        var guides = await DemoGuides.SeedAsync(services, ct);
        await output.WriteLineAsync($"Programmes: sign in as the coordinator {programmes.CoordinatorEmail} (same password) to see their side:");
        foreach (var (name, slug, status, pairs) in programmes.Programmes)
            await output.WriteLineAsync($"  {name} ({status.ToString().ToLowerInvariant()}, {pairs} pairs): /Programmes/{slug}/Manage");
        await output.WriteLineAsync($"Guides: {string.Join(", ", guides.Select(g => "/Guides/" + g))}");
        return 0;
    }

    private static async Task<int> SeedProgrammeAsync(IServiceProvider services, string slug, int mentees, int mentors, int seed,
        TextWriter output, CancellationToken ct)
    {
        await services.MigrateAsync(ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var seeded = await ScaleProgramme.SeedAsync(services, slug, mentees, mentors, seed, output, ct);
        await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Programme /Programmes/{slug}: {seeded.Mentees} mentees and {seeded.Mentors} mentors enrolled in {clock.Elapsed.TotalSeconds:F1} s. " +
            $"Coordinator: {seeded.CoordinatorEmail} (password '{DemoSeeder.Password}'). Run it: programme match --slug {slug}"));
        return 0;
    }

    private static async Task<int> AdministratorsAsync(IServiceProvider services, string[] args, ParseResult parsed,
        CancellationToken ct)
    {
        await services.MigrateAsync(ct);
        return await AdministratorsCommand.RunAsync(services, args, parsed.InvocationConfiguration.Output,
            parsed.InvocationConfiguration.Error, ct);
    }
}
