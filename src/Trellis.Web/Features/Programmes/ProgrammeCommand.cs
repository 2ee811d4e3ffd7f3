namespace Trellis.Web.Features.Programmes;

/// <summary>
/// <c>trellis programme create --slug S --name N --kind cohort|evergreen --owner EMAIL</c> and
/// <c>trellis programme list</c>: what a site administrator does on the Programmes admin page, from a shell.
/// </summary>
public static class ProgrammeCommand
{
    public const string Usage =
        "usage: programme create --slug ADDRESS --name NAME --kind cohort|evergreen --owner EMAIL | programme list";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error,
        CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var handlers = scope.ServiceProvider.GetRequiredService<ProgrammeHandlers>();
        switch (args)
        {
            case ["list"]:
                foreach (var p in await handlers.ListAllAsync(ct))
                    await output.WriteLineAsync($"{p.Slug}\t{p.Name}\t{p.Kind}\t{p.Status}{(p.Archived ? " (archived)" : "")}");
                return 0;
            case ["create", .. var rest]:
                var kind = Option(rest, "--kind");
                var input = new CreateProgrammeInput
                {
                    Slug = Option(rest, "--slug"),
                    Name = Option(rest, "--name"),
                    OwnerEmail = Option(rest, "--owner"),
                    Kind = Enum.TryParse<ProgrammeKind>(kind, ignoreCase: true, out var k) ? k : null,
                };
                var created = await handlers.CreateAsync(input, ct);
                if (created.IsSuccess)
                {
                    await output.WriteLineAsync($"Created {created.Value.Name} at /Programmes/{created.Value.Slug} " +
                        $"(a {created.Value.Kind.ToString().ToLowerInvariant()} programme, still a draft).");
                    return 0;
                }
                if (created.Error is Trellis.Web.Domain.Invalid invalid)
                    foreach (var (field, messages) in invalid.Errors)
                        await error.WriteLineAsync($"--{(field == "ownerEmail" ? "owner" : field)}: {string.Join(" ", messages)}");
                else
                    await error.WriteLineAsync(created.Error.Detail);
                if (kind is not null && input.Kind is null) await error.WriteLineAsync("--kind: must be cohort or evergreen.");
                return 1;
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
