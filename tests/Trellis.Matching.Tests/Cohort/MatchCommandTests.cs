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

    private (int Code, string Out, string Err) Run(params string[] args) => RunWith(null, args);

    private static (int Code, string Out, string Err) RunWith(Func<string, Stream>? openOutput, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = MatchCommand.Run(args, stdout, stderr, null, openOutput);
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
        Assert.Equal("e1,Eve,,,,,,\"All 1 candidate mentors are full, and so is every other mentor who passes the filters.\"", lines[1]);
        Assert.StartsWith("e2,Finn,m2,Brian,", lines[2]);
        Assert.Contains("Both speak en.", lines[2]);
        Assert.StartsWith("e3,Gus,,,,,,\"No mentor passed the hard filters", lines[3]); // quoted: it has commas
        Assert.Contains("e4,Hal,,,,,,Every mentor who passed the filters is blocked", lines[4]);
        Assert.Contains("matched: 1 of 4 mentees", stdout.Replace("\u00a0", " ").Replace(",", ""));
        if (mode == "optimal")
        {
            Assert.Contains("certificate: optimal over every pair that passes the filters: cost ", stdout);
            Assert.Contains("; 1 round(s), 8 pairs scanned, 0 added to the candidate lists", stdout); // 4 mentees × 2 mentors
        }
    }

    // Files that cannot be lost or misread (issue 15, item 4). Each bad-input case starts with a
    // previous result in place and checks it is still there, byte for byte, with no stray files.

    private const string Previous = "mentee_id,mentor_id\nfrom,the previous run\n";

    private string PreviousOutput()
    {
        var output = Path.Combine(_folder, "matches.csv");
        System.IO.File.WriteAllText(output, Previous);
        return output;
    }

    private void AssertUntouched(string output)
    {
        Assert.Equal(Previous, System.IO.File.ReadAllText(output));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp", SearchOption.AllDirectories));
    }

    /// <summary>Numbers without group separators, whatever the culture.</summary>
    private static string Plain(string text) => text.Replace("\u00a0", "").Replace("\u202f", "").Replace(",", "");

    /// <summary>What the run said on stderr apart from its progress lines (which start with the elapsed time).</summary>
    private static string[] Messages(string err) =>
        [.. err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith('['))];

    private (int Code, string Out, string Err) Match(string mentees, string mentors, string output, string mode = "optimal") =>
        Run("--mentees", mentees, "--mentors", mentors, "--mode", mode, "--out", output);

    [Fact]
    public void Run_WithUnclosedQuote_NamesTheLineAndKeepsThePreviousOutput()
    {
        // Before: the quote swallowed e2 and e3 into Eve's goals and the run "succeeded" with one mentee.
        var mentees = File("mentees.csv", "id,name,languages,org_unit,goals\ne1,Eve,en,,\"never closed\ne2,Finn,en,,sql\ne3,Gus,en,,x\n");
        var output = PreviousOutput();

        var (code, stdout, err) = Match(mentees, File("mentors.csv", Mentors), output);

        Assert.Equal(MatchCommand.BadInput, code);
        Assert.Equal(["mentees.csv:2: a quote opened on this line is never closed; the rest of the file would be one field.",
            "1 problem(s) found; nothing was matched and no file was written."], Messages(err));
        Assert.Empty(stdout);
        AssertUntouched(output);
    }

    [Fact]
    public void Run_WithDuplicateHeaderColumn_ReportsItInsteadOfCrashing()
    {
        var mentors = File("mentors.csv", Mentors.Replace("capacity,expertise", "capacity,expertise,capacity"));
        var output = PreviousOutput();

        var (code, _, err) = Match(File("mentees.csv", "id,name,languages,org_unit,goals\ne1,Eve,en,,x\n"), mentors, output);

        Assert.Equal(MatchCommand.BadInput, code);
        Assert.Contains("mentors.csv:1: column 'capacity' appears twice in the header (columns 5 and 7).", Messages(err));
        Assert.DoesNotContain("Exception", err);
        AssertUntouched(output);
    }

    [Fact]
    public void Run_WithLatin1File_RefusesItWithTheLine()
    {
        var latin1 = System.Text.Encoding.Latin1.GetBytes("id,name,languages,org_unit,goals\ne1,Eve,en,,x\ne2,Zoë Lefèvre,fr,,y\n");
        var mentees = Path.Combine(_folder, "mentees.csv");
        System.IO.File.WriteAllBytes(mentees, latin1);
        var output = PreviousOutput();

        var (code, _, err) = Match(mentees, File("mentors.csv", Mentors), output);

        Assert.Equal(MatchCommand.BadInput, code);
        Assert.Contains("mentees.csv:3: byte 0xEB is not UTF-8 (the file looks saved as Latin-1 or Windows-1252); " +
            "save it as UTF-8 and run again.", Messages(err));
        AssertUntouched(output);
    }

    [Fact]
    public void Run_WithUtf8NamesAndBom_KeepsThemIntact()
    {
        var mentees = Path.Combine(_folder, "mentees.csv");
        System.IO.File.WriteAllText(mentees, "id,name,languages,org_unit,goals\ne1,Zoë Lefèvre,en,,sql dashboards\n",
            new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var output = Path.Combine(_folder, "matches.csv");

        var (code, _, _) = Match(mentees, File("mentors.csv", Mentors), output);

        Assert.Equal(MatchCommand.Ok, code);
        Assert.StartsWith("e1,Zoë Lefèvre,m2,Brian,", System.IO.File.ReadAllLines(output)[1]);
    }

    [Fact]
    public void Run_WithTrailingBlankLines_IgnoresThemEvenAMillion()
    {
        var mentees = File("mentees.csv", "id,name,languages,org_unit,goals\ne1,Eve,en,,sql\n" + new string('\n', 1_000_000));
        var output = Path.Combine(_folder, "matches.csv");

        var (code, stdout, err) = Match(mentees, File("mentors.csv", Mentors + "\n\n\r\n"), output);

        Assert.Equal(MatchCommand.Ok, code);
        Assert.Empty(Messages(err));
        Assert.Equal(2, System.IO.File.ReadAllLines(output).Length);
        Assert.Contains("matched: 1 of 1 mentees", stdout);
    }

    [Fact]
    public void Run_WithBlankLinesBetweenRows_ReportsEachRunOnce()
    {
        var mentees = File("mentees.csv", "id,name,languages,org_unit,goals\ne1,Eve,en,,x\n\ne2,Finn,en,,y\n\n\n\ne3,Gus,en,,z\n\n");
        var output = PreviousOutput();

        var (code, _, err) = Match(mentees, File("mentors.csv", Mentors), output);

        Assert.Equal(MatchCommand.BadInput, code);
        Assert.Equal(["mentees.csv:3: blank line between rows.", "mentees.csv:5: lines 5–7 are blank, between rows.",
            "2 problem(s) found; nothing was matched and no file was written."], Messages(err));
        AssertUntouched(output);
    }

    [Fact]
    public void Run_WithThousandsOfBadRows_ListsTheFirstHundredAndTheTotal()
    {
        var rows = string.Concat(Enumerable.Range(0, 5_000).Select(i => $"e{i},,en,,goals\n"));
        var mentees = File("mentees.csv", "id,name,languages,org_unit,goals\n" + rows);
        var output = PreviousOutput();

        var (code, _, err) = Match(mentees, File("mentors.csv", Mentors), output);

        Assert.Equal(MatchCommand.BadInput, code);
        var messages = Messages(err);
        Assert.Equal(MatchCommand.MaxErrorsListed + 1, messages.Length);
        Assert.Equal("mentees.csv:2: name is empty.", messages[0]);
        Assert.Equal("5000 problem(s) found (the first 100 are listed); nothing was matched and no file was written.",
            Plain(messages[^1]));
        AssertUntouched(output);
    }

    [Theory]
    [InlineData("", "mentees.csv:1: the first line is empty; it must be the header row (id,name,languages,org_unit,goals).")]
    [InlineData("id,name,languages,org_unit,goals\n", "mentees.csv:2: the file has a header but no mentees.")]
    [InlineData("id,name,languages,org_unit,goals\n\n\n", "mentees.csv:2: the file has a header but no mentees.")]
    public void Run_WithEmptyOrHeaderOnlyFile_SaysSo(string text, string message)
    {
        var output = PreviousOutput();

        var (code, _, err) = Match(File("mentees.csv", text), File("mentors.csv", Mentors), output);

        Assert.Equal(MatchCommand.BadInput, code);
        Assert.Equal([message, "1 problem(s) found; nothing was matched and no file was written."], Messages(err));
        AssertUntouched(output);
    }

    [Theory]
    [InlineData("mentees")]
    [InlineData("mentors")]
    public void Run_WithOutNamingAnInput_RefusesBeforeReading(string which)
    {
        var mentees = File("mentees.csv", "id,name,languages,org_unit,goals\ne1,Eve,en,,x\n");
        var mentors = File("mentors.csv", Mentors);
        var input = which == "mentees" ? mentees : mentors;
        var before = System.IO.File.ReadAllText(input);

        var (code, _, err) = Match(mentees, mentors, Path.Combine(_folder, ".", Path.GetFileName(input)));

        Assert.Equal(MatchCommand.BadInput, code);
        Assert.Equal([$"--out names the --{which} file ({input}); writing it would destroy the input. Choose another file."],
            Messages(err));
        Assert.Equal(before, System.IO.File.ReadAllText(input));
    }

    [Fact]
    public void Run_WithOutThroughASymbolicLinkToAnInput_Refuses()
    {
        var mentees = File("mentees.csv", "id,name,languages,org_unit,goals\ne1,Eve,en,,x\n");
        var link = Path.Combine(_folder, "link.csv");
        System.IO.File.CreateSymbolicLink(link, mentees);

        var (code, _, err) = Match(mentees, File("mentors.csv", Mentors), link);

        Assert.Equal(MatchCommand.BadInput, code);
        Assert.Contains("writing it would destroy the input", err);
        Assert.Equal("id,name,languages,org_unit,goals\ne1,Eve,en,,x\n", System.IO.File.ReadAllText(mentees));
    }

    [Fact]
    public void Run_WithOutInAMissingFolderOrOnAFolder_CreatesNothing()
    {
        var mentees = File("mentees.csv", "id,name,languages,org_unit,goals\ne1,Eve,en,,x\n");
        var mentors = File("mentors.csv", Mentors);
        var missing = Path.Combine(_folder, "no", "such");

        var (code, _, err) = Match(mentees, mentors, Path.Combine(missing, "matches.csv"));
        var (onFolder, _, folderErr) = Match(mentees, mentors, _folder);

        Assert.Equal(MatchCommand.BadInput, code);
        Assert.Equal([$"the folder for --out does not exist: {missing}"], Messages(err));
        Assert.False(Directory.Exists(Path.Combine(_folder, "no")));
        Assert.Equal(MatchCommand.BadInput, onFolder);
        Assert.Equal([$"--out names a folder, not a file: {_folder}"], Messages(folderErr));
    }

    [Fact]
    public void Run_WhenTheDiskFillsUp_FailsInOneLineAndKeepsThePreviousOutput()
    {
        var mentees = File("mentees.csv", "id,name,languages,org_unit,goals\ne1,Eve,en,,sql\ne2,Finn,en,,feedback\n");
        var output = PreviousOutput();
        string? temp = null;

        var (code, stdout, err) = RunWith(path => new FullDisk(AtomicFile.OpenNew(temp = path), room: 40),
            "--mentees", mentees, "--mentors", File("mentors.csv", Mentors), "--mode", "optimal", "--out", output);

        Assert.Equal(MatchCommand.Failed, code);
        Assert.Equal([$"could not write {output}: No space left on device. Nothing was written; a file already there is untouched."],
            Messages(err));
        Assert.Empty(stdout);
        Assert.NotNull(temp);
        Assert.Equal(_folder, Path.GetDirectoryName(temp)); // the same folder, so the rename cannot cross file systems
        Assert.False(System.IO.File.Exists(temp));
        AssertUntouched(output);
    }

    [Fact]
    public void Run_Succeeding_ReplacesThePreviousOutputWhole()
    {
        var mentees = File("mentees.csv", "id,name,languages,org_unit,goals\ne1,Eve,en,,sql\n");
        var output = PreviousOutput();

        var (code, _, _) = Match(mentees, File("mentors.csv", Mentors), output);

        Assert.Equal(MatchCommand.Ok, code);
        Assert.StartsWith("mentee_id,mentee_name,mentor_id", System.IO.File.ReadAllText(output));
        Assert.Equal([output], Directory.GetFiles(_folder, "matches*"));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void Run_ReportsProgressThroughEmbeddingAndSolving()
    {
        var mentees = File("mentees.csv", "id,name,languages,org_unit,goals\n" +
            string.Concat(Enumerable.Range(0, 3_000).Select(i => $"e{i},N{i},en,,goal {i % 7}\n")));
        var mentors = File("mentors.csv", "id,name,languages,org_unit,capacity,expertise\n" +
            string.Concat(Enumerable.Range(0, 300).Select(j => $"m{j},M{j},en,,5,topic {j % 11}\n")));

        var (code, _, err) = Match(mentees, mentors, Path.Combine(_folder, "matches.csv"));

        Assert.Equal(MatchCommand.Ok, code);
        err = Plain(err);
        Assert.Contains("embedding 3000 mentee goals 30%", err);
        Assert.Contains("embedding 3000 mentee goals 60%", err);
        Assert.Contains("embedding 3000 mentee goals 100%", err);
        Assert.Contains("embedding 300 mentor profiles 100%", err);
        Assert.Contains("finding the best 50 mentors for each mentee 100%", err);
        Assert.Contains("optimal assignment 100%", err);
    }

    [Fact]
    public void Run_WithOptionsThatDoNotApplyToTheMode_WarnsAndGoesOn()
    {
        var mentees = File("mentees.csv", "id,name,languages,org_unit,goals,ranking\ne1,Eve,en,,sql,m1\n");
        var mentors = File("mentors.csv", Mentors);

        var (stable, _, stableErr) = Run("--mentees", mentees, "--mentors", mentors, "--mode", "stable", "--penalty", "5",
            "--out", Path.Combine(_folder, "s.csv"));
        var (optimal, _, optimalErr) = Match(mentees, mentors, Path.Combine(_folder, "o.csv"));

        Assert.Equal(MatchCommand.Ok, stable);
        Assert.Equal(["warning: --penalty applies to --mode optimal only; stable matching ignores it."], Messages(stableErr));
        Assert.Equal(MatchCommand.Ok, optimal);
        Assert.Equal(["warning: the ranking columns apply to --mode stable only; optimal matching ignores them."],
            Messages(optimalErr));
    }

    [Fact]
    public void Run_Stable_WarnsAboutRankedIdsThatCanNeverBeMatched()
    {
        var mentees = File("mentees.csv", "id,name,languages,org_unit,goals,ranking\ne1,Eve,en,Sales,sql,m1;m2;m1\n");
        var output = Path.Combine(_folder, "matches.csv");

        var (code, stdout, err) = Match(mentees, File("mentors.csv", Mentors), output, mode: "stable");

        Assert.Equal(MatchCommand.Ok, code);
        Assert.Equal(["warning: of 3 ranked ids, 1 fail a hard filter (no shared language, same unit or no room), 0 are blocked " +
            "and 1 are repeats (the first place counts); those pairs are never matched."], Messages(err));
        Assert.Contains("rankings: 3 ranked ids, 0 pairs added to the candidates because someone ranked them", stdout);
        Assert.StartsWith("e1,Eve,m2,Brian,", System.IO.File.ReadAllLines(output)[1]);
    }

    [Fact]
    public void Run_WithAPinOutsideTheCandidates_PlacesIt()
    {
        // With --k 1 Eve's only candidate would be Brian; the coordinator pinned her to Ada.
        var mentees = File("mentees.csv", "id,name,languages,org_unit,goals,pinned\ne1,Eve,en,Ops,sql dashboards and statistics,m1\n");
        var output = Path.Combine(_folder, "matches.csv");

        var (code, _, err) = Run("--mentees", mentees, "--mentors", File("mentors.csv", Mentors), "--mode", "optimal", "--k", "1",
            "--out", output);

        Assert.Equal(MatchCommand.Ok, code);
        Assert.Empty(Messages(err));
        Assert.StartsWith("e1,Eve,m1,Ada,", System.IO.File.ReadAllLines(output)[1]);
    }

    [Theory]
    [InlineData("e1,Eve,en,Sales,x,m1\n", "mentees.csv:2: the pinned pair (e1, m1) breaks a hard filter: they are in the same organisation unit.")]
    [InlineData("e1,Eve,fr,Ops,x,m2\n", "mentees.csv:2: the pinned pair (e1, m2) breaks a hard filter: they share no language.")]
    [InlineData("e1,Eve,en,Ops,x,m2\ne2,Finn,en,Ops,y,m2\n", "mentors.csv:3: mentor 'm2' has more pinned mentees than places.")]
    [InlineData("e1,Eve,en,Ops,x,m9\n", "mentees.csv:2: pinned names 'm9', who is not in the other file.")]
    public void Run_WithAPinThatBreaksTheRules_NamesTheLineAndWritesNothing(string rows, string message)
    {
        var mentees = File("mentees.csv", "id,name,languages,org_unit,goals,pinned\n" + rows);
        var output = PreviousOutput();

        var (code, _, err) = Match(mentees, File("mentors.csv", Mentors), output);

        Assert.Equal(MatchCommand.BadInput, code);
        Assert.Equal([message, "1 problem(s) found; nothing was matched and no file was written."], Messages(err));
        AssertUntouched(output);
    }

    /// <summary>A file on a disk with <paramref name="room"/> bytes left: the next write fails as the OS reports it.</summary>
    private sealed class FullDisk(Stream inner, int room) : Stream
    {
        private long _written;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_written + buffer.Length > room) throw new IOException("No space left on device");
            _written += buffer.Length;
            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _written;
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    [Fact]
    public void Run_WithProfileColumns_AppliesFindAMentorsRules_AndReportsBadCells()
    {
        // Eve's goals are Ada's words, but Eve must share Portuguese and only Bea speaks it; Fay asks for a peer, and only
        // Carl (two years apart, open to peer mentoring) is one; Gus can only meet on Monday evenings in London.
        var mentees = File("mentees.csv", """
            id,name,languages,org_unit,goals,required_languages,years,ask,time_zone,meeting_windows,require_overlap
            e1,Eve,en;pt,,leadership and feedback for new managers,pt,4,,,,
            e2,Fay,en,,leadership and feedback for new managers,,10,peer,,,
            e3,Gus,en,,leadership and feedback for new managers,,2,,Europe/London,Mon 19:00-22:00,yes
            """);
        var mentors = File("mentors.csv", """
            id,name,languages,org_unit,capacity,expertise,years,open_to_peer,time_zone,meeting_windows
            m1,Ada,en,,3,leadership and feedback for new managers,20,no,Asia/Tokyo,
            m2,Bea,pt,,3,statistics,15,no,,
            m3,Carl,en,,3,gardening,12,yes,Europe/London,Mon 20:00-21:00
            """);
        var output = Path.Combine(_folder, "matches.csv");

        var (code, _, err) = Run("--mentees", mentees, "--mentors", mentors, "--mode", "optimal", "--out", output, "--hashing-embedder");

        Assert.True(code == 0, err);
        var rows = System.IO.File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[0], r => r[2]);
        Assert.Equal("m2", rows["e1"]);
        Assert.Equal("m3", rows["e2"]);
        Assert.Equal("m3", rows["e3"]);

        var bad = File("bad.csv", """
            id,name,languages,org_unit,goals,years,ask,time_zone,meeting_windows,require_overlap
            e1,Eve,en,,goals,many,boss,Mars/Olympus,Someday 19:00,perhaps
            """);
        (code, _, err) = Run("--mentees", bad, "--mentors", mentors, "--mode", "optimal", "--out", output);
        Assert.Equal(MatchCommand.BadInput, code);
        Assert.Contains("bad.csv:2: years 'many' is not a whole number from 0 to 70; ask 'boss' is not one of mentor, peer, junior", err);
        Assert.Contains("time_zone 'Mars/Olympus' is not an IANA time zone", err);
        Assert.Contains("meeting_windows 'Someday 19:00' is not a day and two times", err);
        Assert.Contains("require_overlap 'perhaps' is not yes or no", err);
    }
}
