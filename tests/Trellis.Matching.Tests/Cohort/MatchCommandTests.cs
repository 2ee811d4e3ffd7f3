using Trellis.Matching.CommandLine;

namespace Trellis.Matching.Tests.Cohort;

public sealed class MatchCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trellis-match-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = MatchCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private const string Mentors = """
        id,name,languages,org_unit,capacity,expertise
        m1,Ada,en;de,Sales,1,leadership and feedback for new managers
        m2,Brian,en,Finance,1,sql dashboards and statistics
        """;

    [Fact]
    public void Run_WithBadRows_ReportsEachWithLineNumberAndWritesNothing()
    {
        var mentees = File("mentees.csv", """
            id,name,languages,org_unit,goals
            e1,Eve,en,Sales,become a better manager
            e1,Duplicate,en,,anything
            e3,,,Ops,no name and no language
            e4,Fay,en,Ops,"quoted, with comma"
            """);
        var mentors = File("mentors.csv", Mentors.Replace("Finance,1,", "Finance,lots,"));
        var output = Path.Combine(_folder, "matches.csv");

        var (code, _, err) = Run("--mentees", mentees, "--mentors", mentors, "--mode", "optimal", "--out", output);

        Assert.Equal(MatchCommand.BadInput, code);
        Assert.Contains("mentees.csv:3: id 'e1' appears twice", err);
        Assert.Contains("mentees.csv:4: name is empty; languages is empty", err);
        Assert.Contains("mentors.csv:3: capacity 'lots' is not a whole number", err);
        Assert.DoesNotContain("mentees.csv:5", err);
        Assert.False(System.IO.File.Exists(output));
    }

    [Fact]
    public void Run_WithRankingNamingUnknownMentor_ReportsTheLine()
    {
        var mentees = File("mentees.csv", "id,name,languages,org_unit,goals,ranking\ne1,Eve,en,,goals,m1;m9\n");
        var mentors = File("mentors.csv", Mentors);

        var (code, _, err) = Run("--mentees", mentees, "--mentors", mentors, "--mode", "stable", "--out", Path.Combine(_folder, "m.csv"));

        Assert.Equal(MatchCommand.BadInput, code);
        Assert.Contains("mentees.csv:2: ranking names 'm9'", err);
    }

    [Fact]
    public void Run_WithMissingColumn_ReportsHeaderLine()
    {
        var mentees = File("mentees.csv", "id,name,goals\ne1,Eve,x\n");
        var mentors = File("mentors.csv", Mentors);

        var (code, _, err) = Run("--mentees", mentees, "--mentors", mentors, "--mode", "optimal", "--out", Path.Combine(_folder, "m.csv"));

        Assert.Equal(MatchCommand.BadInput, code);
        Assert.Contains("mentees.csv:1: missing column(s): languages, org_unit", err);
    }

    [Fact]
    public void Run_WithUnknownMode_PrintsUsage()
    {
        var (code, _, err) = Run("--mentees", "a", "--mentors", "b", "--mode", "random", "--out", "c");

        Assert.Equal(MatchCommand.BadInput, code);
        Assert.Contains("--mode must be optimal or stable", err);
        Assert.Contains("usage:", err);
    }

    [Theory]
    [InlineData("optimal")]
    [InlineData("stable")]
    public void Run_CleanFiles_WritesPairsWithExplanationsAndReasons(string mode)
    {
        var mentees = File("mentees.csv", """
            id,name,languages,org_unit,goals,blocked
            e1,Eve,en,Sales,become a better manager with feedback,
            e2,Finn,en,Sales,learn sql and dashboards and statistics,
            e3,Gus,fr,Ops,parler en public,
            e4,Hal,de,Ops,leadership,m1
            """);
        var mentors = File("mentors.csv", Mentors);
        var output = Path.Combine(_folder, "matches.csv");

        var (code, stdout, _) = Run("--mentees", mentees, "--mentors", mentors, "--mode", mode, "--out", output);

        Assert.Equal(MatchCommand.Ok, code);
        var lines = System.IO.File.ReadAllLines(output);
        Assert.Equal("mentee_id,mentee_name,mentor_id,mentor_name,score,mentee_rank,mentor_rank,explanation", lines[0]);
        // Both are in Ada's unit, so Brian is their only candidate; he fits Finn better.
        Assert.Contains("e1,Eve,,,,,,All 1 candidate mentors are full", lines[1]);
        Assert.StartsWith("e2,Finn,m2,Brian,", lines[2]);
        Assert.Contains("Both speak en.", lines[2]);
        Assert.StartsWith("e3,Gus,,,,,,\"No mentor passed the hard filters", lines[3]); // quoted: it has commas
        Assert.Contains("e4,Hal,,,,,,Every mentor who passed the filters is blocked", lines[4]);
        Assert.Contains("matched: 1 of 4 mentees", stdout.Replace("\u00a0", " ").Replace(",", ""));
    }
}
