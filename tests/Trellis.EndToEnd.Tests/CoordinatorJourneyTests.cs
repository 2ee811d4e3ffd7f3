using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Trellis.Web.Features.Admin;
using static Trellis.EndToEnd.Tests.PageSteps;

namespace Trellis.EndToEnd.Tests;

/// <summary>
/// Issue #12's journey, clicked in the browser: an administrator creates a cohort programme for a coordinator, who
/// writes its enrolment form (a hard question: the team; a soft one: topics), imports participants from CSV (a file
/// with one bad row is refused whole, naming its line, and nothing is written; then the corrected file), the members
/// enrol (two already in Trellis, two invited by e-mail), the engine matches everyone in the background while the
/// board shows its progress, the coordinator removes and forbids one draft and runs again on the remainder, approves,
/// both members of a pair get the introduction and the proposal, the mentor accepts, and the coordinator's overview
/// counts the pair as running. Only "make Ada an administrator" is done outside the pages (the admin command).
/// </summary>
public sealed class CoordinatorJourneyTests(LiveTrellis trellis) : IClassFixture<LiveTrellis>
{
    private const string Slug = "spring-cohort";
    private const string Programme = "Spring cohort";

    [Fact]
    public async Task ACoordinatorRunsACohort_FromAnEnrolmentForm_ThroughImportAndBulkMatching_ToARunningPair()
    {
        await using var adminContext = await trellis.Browser.NewContextAsync(Screen(1280));
        await using var coordinatorContext = await trellis.Browser.NewContextAsync(Screen(1280));
        var admin = await adminContext.NewPageAsync();
        var cora = await coordinatorContext.NewPageAsync();
        var manage = $"{trellis.BaseUrl}/Programmes/{Slug}/Manage";

        // The site administrator creates the programme and names its owner.
        var adminEmail = await trellis.RegisterAndSignIn(admin, "Ada Byron");
        var coraEmail = await trellis.RegisterAndSignIn(cora, "Cora Mendes");
        Assert.Equal(0, await AdministratorsCommand.RunAsync(trellis.Services, ["grant", adminEmail], TextWriter.Null, TextWriter.Null,
            TestContext.Current.CancellationToken));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await trellis.SignIn(admin, adminEmail, "Ada Byron");
        await admin.GotoAsync(trellis.BaseUrl + "/Admin/Programmes");
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync(Programme);
        await admin.GetByLabel("Short address").FillAsync(Slug);
        await admin.GetByLabel("Cohort: enrolment opens and closes").CheckAsync();
        await admin.GetByLabel("Owner’s e-mail address").FillAsync(coraEmail);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create the programme" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"{Programme} is created as a draft");
        await Expect(admin.Locator("#all-programmes")).ToContainTextAsync($"/Programmes/{Slug}");

        // The coordinator finds it, sets it up for bulk matching, and writes the enrolment form.
        await cora.GotoAsync(trellis.BaseUrl + "/Programmes");
        await cora.Locator("#coordinated").GetByRole(AriaRole.Link, new() { Name = Programme }).ClickAsync();
        await Expect(cora.Locator("#programme-state")).ToContainTextAsync("A draft");
        await AssertAccessible(cora, "overview of a draft programme");
        await cora.GetByRole(AriaRole.Navigation, new() { Name = "Programme" }).GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await AssertAccessible(cora, "settings");
        await cora.GetByLabel("Enrolment closes").FillAsync(DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"));
        await cora.GetByRole(AriaRole.Button, new() { Name = "Save the details" }).ClickAsync();
        await Expect(cora.GetByRole(AriaRole.Status)).ToContainTextAsync("The details are saved");
        await cora.GetByLabel("How pairs are made").SelectOptionAsync("Bulk");
        await cora.GetByRole(AriaRole.Button, new() { Name = "Save matching settings" }).ClickAsync();
        await Expect(cora.GetByRole(AriaRole.Status)).ToContainTextAsync("Matching settings are saved");

        await cora.GotoAsync(manage + "/Questions");
        await AssertAccessible(cora, "enrolment form, empty");
        await AddQuestion(cora, "Which team are you in?", "team", "SingleChoice", "Payments\nPlatform\nGrowth", "Hard", required: true);
        await AddQuestion(cora, "What would you like to talk about?", "topics", "MultipleChoice", "Leadership\nCareer change\nPublic speaking", "Soft", required: false);
        await Expect(cora.Locator("#questions")).ToContainTextAsync("Hard: never pair people who gave the same answer");
        await Expect(cora.Locator("#questions")).ToContainTextAsync("Soft: shared answers make a pair likelier");
        await AssertAccessible(cora, "enrolment form with two questions");

        await cora.GotoAsync(manage);
        await cora.GetByRole(AriaRole.Button, new() { Name = "Open enrolment" }).ClickAsync();
        await Expect(cora.GetByRole(AriaRole.Status)).ToContainTextAsync("The programme is now enrolling");

        // Two of the people are members already (Omar is open to mentoring); two are new to Trellis.
        await using var miaContext = await trellis.Browser.NewContextAsync();
        await using var omarContext = await trellis.Browser.NewContextAsync();
        await using var niaContext = await trellis.Browser.NewContextAsync();
        await using var paulaContext = await trellis.Browser.NewContextAsync();
        var (mia, omar, nia, paula) = (await miaContext.NewPageAsync(), await omarContext.NewPageAsync(),
            await niaContext.NewPageAsync(), await paulaContext.NewPageAsync());
        var miaEmail = await trellis.RegisterAndSignIn(mia, "Mia Chen");
        var omarEmail = await trellis.RegisterAndSignIn(omar, "Omar Haddad");
        await OpenToMentoring(omar, places: 1);
        var niaEmail = $"nia.{Guid.NewGuid():N}@example.org";
        var paulaEmail = $"paula.{Guid.NewGuid():N}@example.org";

        // A file with one bad row is refused whole, with its line number; nothing is written.
        await cora.GotoAsync(manage + "/Import");
        await AssertAccessible(cora, "import page");
        var people = new[] { (miaEmail, "Mia Chen", "mentee", ""), (omarEmail, "Omar Haddad", "mentor", "1"),
            (niaEmail, "Nia Okoye", "mentee", ""), (paulaEmail, "Paula Reyes", "mentr", "2") };
        await CheckFile(cora, people);
        var errors = cora.Locator("#import-errors");
        await Expect(errors).ToContainTextAsync("Nothing was imported: 1 problem in the file");
        await Expect(errors.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(errors.Locator("tbody tr td").First).ToHaveTextAsync("5");
        await Expect(errors.Locator("tbody tr")).ToContainTextAsync("role");
        await AssertAccessible(cora, "import refused, with its bad line");
        await cora.GotoAsync(manage + "/Participants");
        await Expect(cora.Locator("#participant-total")).ToHaveTextAsync("0 participants");
        await cora.GotoAsync(manage + "/Invitations");
        await AssertAccessible(cora, "invitations, none yet");
        Assert.Empty(trellis.MailsTo(niaEmail).Concat(trellis.MailsTo(paulaEmail)));

        // The corrected file: checked, previewed, imported.
        people[3].Item3 = "mentor";
        await cora.GotoAsync(manage + "/Import");
        await CheckFile(cora, people);
        var preview = cora.Locator("#import-preview");
        await Expect(preview).ToContainTextAsync("The file is clean: 4 rows");
        await Expect(preview).ToContainTextAsync("2 members join the programme");
        await Expect(preview).ToContainTextAsync("2 new people get an invitation by e-mail");
        await AssertAccessible(cora, "import preview");
        await cora.GetByRole(AriaRole.Button, new() { Name = "Import these 4 rows" }).ClickAsync();
        await Expect(cora.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported 4 rows: 2 members added");
        await Expect(cora.Locator("#participant-total")).ToHaveTextAsync("2 participants");
        await AssertAccessible(cora, "participants after the import");
        await cora.GotoAsync(manage + "/Invitations");
        await Expect(cora.Locator("main")).ToContainTextAsync(niaEmail);
        await Expect(cora.Locator("main")).ToContainTextAsync(paulaEmail);
        await AssertAccessible(cora, "invitations sent");

        // The members enrol: the two already in Trellis were told they are in; the two new ones were invited.
        await trellis.MailAsync(miaEmail, $"You are in {Programme}");
        await trellis.MailAsync(omarEmail, $"You are in {Programme}");
        await CompleteEnrolment(mia, "Complete my enrolment", team: "Payments", topic: "Career change");
        await CompleteEnrolment(omar, "Complete my enrolment", team: "Payments", topic: "Leadership", places: "1");
        await trellis.RegisterAndSignIn(nia, "Nia Okoye", niaEmail);
        await AcceptInvitation(nia, niaEmail, team: "Platform", topic: "Public speaking");
        await trellis.RegisterAndSignIn(paula, "Paula Reyes", paulaEmail);
        await OpenToMentoring(paula, places: 2);
        await AcceptInvitation(paula, paulaEmail, team: "Growth", topic: "Career change", places: "2");

        await cora.GotoAsync(manage);
        var counts = cora.Locator("#enrolment-counts");
        await Expect(counts.GetByRole(AriaRole.Row, new() { Name = "Mentees" })).ToContainTextAsync("2");
        await Expect(counts.GetByRole(AriaRole.Row, new() { Name = "Mentors" })).ToContainTextAsync("2 (3 places)");
        await AssertAccessible(cora, "overview while enrolling");
        await cora.GetByRole(AriaRole.Button, new() { Name = "Close enrolment and start matching" }).ClickAsync();
        await Expect(cora.GetByRole(AriaRole.Status)).ToContainTextAsync("The programme is now matching");

        // Bulk matching: the run is queued, then done in the background; the board follows it live.
        await cora.GotoAsync(manage + "/Matching");
        await AssertAccessible(cora, "matching board before the run");
        await cora.SetViewportSizeAsync(390, 844);
        await AssertAccessible(cora, "matching board before the run, on a phone");
        await cora.SetViewportSizeAsync(1280, 800);
        var firstRun = await RunTheEngine(cora, "Match everyone");
        await Expect(cora.Locator("#run-outcome")).ToContainTextAsync("The last run matched 2 of 2 mentees");
        var drafts = cora.Locator("#drafts tbody tr");
        // A draft's row by its mentee (the first cell): other rows name every mentee too, in their "swap with" choices.
        ILocator Draft(string mentee) => drafts.Filter(new() { Has = cora.Locator("td:first-child", new() { HasText = mentee }) });
        await Expect(drafts).ToHaveCountAsync(2);
        // The team is a hard rule: Mia (Payments) can only have Paula (Growth); Nia (Platform) either mentor.
        await Expect(Draft("Mia Chen")).ToContainTextAsync("Paula Reyes");
        var niaFirst = (await Draft("Nia Okoye").Locator("td").Nth(1).TextContentAsync())!.Trim();
        await AssertAccessible(cora, "matching board with the run's drafts");
        await cora.SetViewportSizeAsync(390, 844);
        await AssertAccessible(cora, "matching board with drafts, on a phone");
        await cora.SetViewportSizeAsync(1280, 800);

        // Edit a draft: remove Nia's, and run again on the remainder (Nia alone; Mia's draft stays as it is).
        await cora.GetByRole(AriaRole.Button, new() { Name = $"Remove the draft: Nia Okoye with {niaFirst}" }).ClickAsync();
        await Expect(cora.GetByRole(AriaRole.Status)).ToContainTextAsync("Draft removed: Nia Okoye is unmatched again");
        await Expect(cora.Locator("#board-summary")).ToContainTextAsync("1 unmatched mentee");
        await Expect(cora.GetByRole(AriaRole.Heading, new() { Name = "Nia Okoye", Level = 3 })).ToBeVisibleAsync();
        await Expect(drafts).ToHaveCountAsync(1);
        await AssertAccessible(cora, "matching board with one mentee unmatched again");
        var secondRun = await RunTheEngine(cora, "Run again on the remainder");
        await Expect(cora.Locator("#run-outcome")).ToContainTextAsync("The last run matched 1 of 1 mentees");
        await Expect(drafts).ToHaveCountAsync(2);
        await Expect(Draft("Nia Okoye")).ToHaveCountAsync(1);
        await Expect(Draft("Mia Chen")).ToContainTextAsync("Paula Reyes");

        // Approve all: each pair gets the programme's agreement as a proposal, both members the introduction.
        await cora.GetByRole(AriaRole.Button, new() { Name = "Approve all 2 drafts" }).ClickAsync();
        await Expect(cora.GetByRole(AriaRole.Status)).ToContainTextAsync("2 approved.");
        await Expect(cora.Locator("#no-drafts")).ToBeVisibleAsync();
        await Expect(cora.Locator("#approved-count")).ToContainTextAsync("2 approved so far");
        await AssertAccessible(cora, "matching board after approval");

        var toPaula = await trellis.MailAsync(paulaEmail, $"{Programme}: meet Paula Reyes and Mia Chen");
        var toMia = await trellis.MailAsync(miaEmail, $"{Programme}: meet Paula Reyes and Mia Chen");
        var proposal = Regex.Match(toPaula.TextBody ?? "", @"https?://[^\s]+(/Mentorships/[0-9a-fA-F-]{36})").Groups[1].Value;
        Assert.NotEmpty(proposal);
        Assert.Contains(proposal, toMia.TextBody ?? "", StringComparison.Ordinal);

        await mia.GotoAsync(trellis.BaseUrl + proposal);
        await Expect(mia.Locator("#mentorship-status")).ToContainTextAsync("Waiting for the other member's answer");
        await Expect(mia.Locator("main")).ToContainTextAsync($"Proposed by the coordinators of {Programme}");
        await paula.GotoAsync(trellis.BaseUrl + proposal);
        await Expect(paula.Locator("#mentorship-status")).ToContainTextAsync("Waiting for your answer");
        await AssertAccessible(paula, "the programme's proposal as the mentor sees it");
        await paula.GetByRole(AriaRole.Button, new() { Name = "Accept version 1" }).ClickAsync();
        await Expect(paula.GetByRole(AriaRole.Status)).ToContainTextAsync("the mentorship has started");
        await mia.GotoAsync(trellis.BaseUrl + proposal);
        await Expect(mia.Locator("#mentorship-status")).ToContainTextAsync("Active");

        // The coordinator starts the running period; the overview counts the pair as running, the other as proposed.
        await cora.GotoAsync(manage);
        await cora.GetByRole(AriaRole.Button, new() { Name = "Start the running period" }).ClickAsync();
        await Expect(cora.GetByRole(AriaRole.Status)).ToContainTextAsync("The programme is now running");
        var pairs = cora.Locator("#pair-counts");
        await Expect(pairs.GetByRole(AriaRole.Row, new() { Name = "Running" })).ToContainTextAsync("1");
        await Expect(pairs.GetByRole(AriaRole.Row, new() { Name = "Waiting for an answer" })).ToContainTextAsync("1");
        await AssertAccessible(cora, "overview of the running programme");
        await cora.SetViewportSizeAsync(390, 844);
        await AssertAccessible(cora, "overview of the running programme, on a phone");

        // A run can finish between the redirect and the board's rendering (the job looks every 3 s); at least one
        // of the two must have been followed live to its end.
        Assert.True(firstRun.Count > 0 || secondRun.Count > 0, "Neither run was seen in progress on the board.");
        Console.WriteLine($"Bulk run progress as the board showed it: first run [{string.Join(" → ", firstRun)}], " +
            $"second run [{string.Join(" → ", secondRun)}]");
    }

    /// <summary>
    /// Starts a run from the board and, if the board shows it under way, watches the board follow it to the end
    /// without the test reloading: returns every stage and percentage the page showed (none if the run had finished
    /// before the board was drawn). The page's own script reloads it once the run has finished; a marker set on the
    /// page before the wait is gone afterwards only if the page loaded again by itself.
    /// </summary>
    private static async Task<List<string>> RunTheEngine(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The engine is matching the remainder");
        var seen = new List<string>();
        // The board as drawn after the redirect, read at once with the marker set: a one-person run can finish and the
        // page reload itself before the loop below reads it again, so the stage this drawing showed counts as seen.
        var drawn = await page.EvaluateAsync<string?>("""
            () => {
                const stage = document.querySelector('#bulk-run[data-poll] #run-stage');
                if (!stage) return null;
                window.journeyMarker = true;
                return stage.textContent.trim();
            }
            """);
        if (drawn is null) return seen;
        seen.Add(drawn);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && await page.Locator("#run-outcome").CountAsync() == 0)
        {
            try
            {
                var stage = page.Locator("#run-stage");
                if (await stage.CountAsync() > 0 && (await stage.TextContentAsync(new() { Timeout = 500 }))?.Trim() is { Length: > 0 } text
                    && (seen.Count == 0 || seen[^1] != text))
                    seen.Add(text);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                // The page is reloading itself.
            }
            await Task.Delay(50);
        }
        await Expect(page.Locator("#run-outcome")).ToBeVisibleAsync();
        Assert.NotEmpty(seen);
        Assert.All(seen, text => Assert.Matches("^[A-Z][a-z ]+ · [0-9]{1,3}%$", text));
        Assert.Null(await page.EvaluateAsync<bool?>("() => window.journeyMarker ?? null"));
        return seen;
    }

    private static async Task AddQuestion(IPage page, string text, string key, string kind, string choices, string use, bool required)
    {
        await page.GetByLabel("Question", new() { Exact = true }).FillAsync(text);
        await page.GetByLabel("Short name").FillAsync(key);
        await page.GetByLabel("Kind of answer").SelectOptionAsync(kind);
        await page.GetByLabel("Choices").FillAsync(choices);
        await page.GetByLabel("What matching does with it").SelectOptionAsync(use);
        if (use == "Hard") await page.GetByLabel("A hard constraint means").SelectOptionAsync("Different");
        if (required) await page.GetByLabel("An answer is required").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the question" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The question is added to the form");
    }

    private static async Task CheckFile(IPage page, (string Email, string Name, string Role, string Capacity)[] rows)
    {
        var csv = new StringBuilder("email,name,role,capacity\n");
        foreach (var r in rows) csv.Append($"{r.Email},{r.Name},{r.Role},{r.Capacity}\n");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "participants.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
    }

    private async Task OpenToMentoring(IPage page, int places)
    {
        await trellis.OpenWholeProfile(page);
        await page.GetByLabel("I am open to mentoring").CheckAsync();
        // A mentor ahead of the mentees (who left theirs at 0): matching never pairs two people at the same career stage
        // unless the mentor opted in to peer mentoring, in the bulk run as in Find a mentor.
        await page.GetByLabel("Years of experience", new() { Exact = true }).FillAsync("12");
        await page.GetByLabel("How many mentees at once").FillAsync(places.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile is saved");
    }

    /// <summary>A member the import added opens the programme's page and fills in the form.</summary>
    private async Task CompleteEnrolment(IPage page, string link, string team, string topic, string? places = null)
    {
        await page.GotoAsync(trellis.BaseUrl + "/Programmes");
        await Expect(page.Locator("#my-programmes")).ToContainTextAsync("enrolment form to complete");
        await page.Locator("#my-programmes").GetByRole(AriaRole.Link, new() { Name = Programme }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = link }).ClickAsync();
        await FillTheForm(page, team, topic, places);
    }

    /// <summary>Someone who joined Trellis with the invited address opens the invitation's link.</summary>
    private async Task AcceptInvitation(IPage page, string email, string team, string topic, string? places = null)
    {
        var invitation = await trellis.MailAsync(email, $"You are invited to {Programme}");
        var link = Regex.Match(invitation.TextBody ?? "", @"https?://[^\s]+(/Programmes/Invitations/[^\s]+)").Groups[1].Value;
        Assert.NotEmpty(link);
        await page.GotoAsync(trellis.BaseUrl + link);
        await FillTheForm(page, team, topic, places);
    }

    private static async Task FillTheForm(IPage page, string team, string topic, string? places)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Enrol in {Programme} as a");
        await AssertAccessible(page, "enrolment form");
        if (places is not null) await page.GetByLabel("How many mentees can you take in this programme?").FillAsync(places);
        await page.GetByRole(AriaRole.Group, new() { Name = "Which team are you in?" }).GetByLabel(team).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "What would you like to talk about? (optional)" }).GetByLabel(topic).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"You are enrolled in {Programme}");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
