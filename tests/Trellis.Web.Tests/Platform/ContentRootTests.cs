using System.Diagnostics;
using Trellis.Web;

namespace Trellis.Web.Tests.Platform;

/// <summary>
/// The admin commands run from the built executable's folder's settings when started from a folder that has
/// none (the 100,000-person seed that crawled because every SQL command was logged at Information).
/// </summary>
public sealed class ContentRootTests : IDisposable
{
    private readonly string _here = Directory.CreateTempSubdirectory("trellis-cwd-").FullName;
    private readonly string _built = Directory.CreateTempSubdirectory("trellis-bin-").FullName;

    public void Dispose()
    {
        Directory.Delete(_here, recursive: true);
        Directory.Delete(_built, recursive: true);
    }

    [Fact]
    public void TheExecutablesFolderIsChosenOnlyWhenTheSettingsAreNowhereElse()
    {
        static string? None(string _) => null;
        Assert.Null(ContentRoot.Choose([], _here, _built, None)); // no settings anywhere: ASP.NET Core's default

        File.WriteAllText(Path.Combine(_built, "appsettings.json"), "{}");
        Assert.Equal(_built, ContentRoot.Choose(["programme", "match"], _here, _built, None));
        Assert.Null(ContentRoot.Choose(["--contentRoot", "/srv/trellis"], _here, _built, None));
        Assert.Null(ContentRoot.Choose([], _here, _built, name => name == "ASPNETCORE_CONTENTROOT" ? "/srv/trellis" : null));

        File.WriteAllText(Path.Combine(_here, "appsettings.json"), "{}");
        Assert.Null(ContentRoot.Choose([], _here, _built, None)); // dotnet run in the project folder, a published folder
    }

    [Fact]
    public async Task ACommandStartedElsewhereReadsTheBuiltSettingsAndKeepsItsDataWhereItWasStarted()
    {
        var site = typeof(ContentRoot).Assembly.Location;
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(site)!, "appsettings.json")));
        var start = new ProcessStartInfo("dotnet", [site, "migrate"])
        {
            WorkingDirectory = _here,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in new[] { "ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
                     "DataDirectory", "Database__Provider", "ConnectionStrings__Trellis" })
            start.Environment.Remove(name);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, await error);
        Assert.Contains("Database is up to date.", await output);
        // appsettings.json sets EF's command log to Warning; without it every migration statement is printed.
        Assert.DoesNotContain("Executed DbCommand", await output);
        Assert.True(File.Exists(Path.Combine(_here, "data", "trellis.db")));
    }
}
