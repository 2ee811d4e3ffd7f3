namespace Trellis.Web;

/// <summary>
/// Where the site reads appsettings.json from. ASP.NET Core takes the current directory, which is right
/// for <c>dotnet run --project src/Trellis.Web</c> (the Web SDK runs it in the project folder) and for a
/// published folder started in place. Started from anywhere else — an operator running
/// <c>bin/Release/net10.0/Trellis.Web programme match</c> from the repository root — it silently ran with
/// no settings at all: SQL logged at Information for every command (hundreds of MB a minute on a
/// 100,000-person run) and every option at its code default. Then the folder the executable was built
/// into, which carries its own copy of the settings, is the content root instead. The data folder still
/// resolves against the current directory, so where the data goes stays the operator's choice.
/// </summary>
public static class ContentRoot
{
    private const string Settings = "appsettings.json";

    /// <summary>Null (keep ASP.NET Core's choice) unless the settings are only beside the executable.</summary>
    public static string? Choose(string[] args, string currentDirectory, string executableDirectory, Func<string, string?> environment)
    {
        var chosenElsewhere = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
        if (chosenElsewhere || File.Exists(Path.Combine(currentDirectory, Settings)))
            return null;
        return File.Exists(Path.Combine(executableDirectory, Settings)) ? executableDirectory : null;
    }

    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = Choose(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Environment.GetEnvironmentVariable),
    };
}
