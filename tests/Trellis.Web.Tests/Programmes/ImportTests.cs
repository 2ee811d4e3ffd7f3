using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Programmes;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Programmes;

/// <summary>Participants from CSV: a dry run, all or nothing, bad rows by line, members by e-mail, new people invited.</summary>
public sealed class ImportTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private static StringContent Csv(string text) =>
        new(text, Encoding.UTF8, new MediaTypeHeaderValue("text/csv"));

    private static Task<HttpResponseMessage> ImportAsync(TestProgramme programme, string csv, bool dryRun = false) =>
        programme.Owner.Api.PostAsync($"{programme.Api}/participants/import?dryRun={dryRun}", Csv(csv));

    private Task<string> RowsAsync(Guid programmeId) => app.WithDbAsync(async db =>
    {
        var participants = await db.Participants.CountAsync(p => p.ProgrammeId == programmeId);
        var invitations = await db.Invitations.CountAsync(i => i.ProgrammeId == programmeId);
        var outbox = await db.OutboxMessages.CountAsync();
        var notifications = await db.Notifications.CountAsync();
        return $"participants={participants} invitations={invitations} outbox={outbox} notifications={notifications}";
    });

    [Fact]
    public async Task ACleanFile_IsPreviewedByADryRun_ThenImported_MembersByEmail_NewPeopleInvited()
    {
        var programme = await app.EnrollingAsync();
        var team = await programme.QuestionAsync("team", "ShortText", "Hard", required: true);
        var mentor = await app.MentorAsync("Maria Imported");
        var mentee = await app.MenteeAsync("Tom Imported");
        var newcomer = Members.NewEmail("newcomer");
        var csv = "email,name,role,capacity,team\n" +
                  $"{mentor.Member.Email.ToUpperInvariant()},Maria,mentor,2,Platform\n" +
                  $"{mentee.Member.Email},Tom,mentee,,Payments\n" +
                  $"{newcomer},Nina Newcomer,mentee,,\"Growth, EMEA\"\n";
        var before = await RowsAsync(programme.Id);

        var dry = await ImportAsync(programme, csv, dryRun: true);

        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var preview = (await dry.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((3, 2, 1, false), ((int)preview["rows"]!, (int)preview["added"]!, (int)preview["invited"]!,
            (bool)preview["imported"]!));
        Assert.Equal(before, await RowsAsync(programme.Id));

        var done = await ImportAsync(programme, csv);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.True((bool)(await done.Content.ReadFromJsonAsync<JsonObject>())!["imported"]!);
        var rows = await app.WithDbAsync(db => db.Participants.AsNoTracking().Where(p => p.ProgrammeId == programme.Id).ToListAsync());
        var maria = rows.Single(r => r.MemberId == mentor.Id);
        Assert.Equal((ProgrammeRole.Mentor, ParticipantStatus.Enrolled, ParticipantSource.Import, 2),
            (maria.Role, maria.Status, maria.Source, maria.Capacity));
        Assert.Equal(["Payments"], rows.Single(r => r.MemberId == mentee.Id).Answers.Single(a => a.QuestionId == team).Values);
        var invitation = await app.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Email == newcomer));
        Assert.Equal(["Growth, EMEA"], invitation.Answers.Single().Values);
        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == newcomer));
        Assert.Contains("Nina Newcomer", mail.Text(), StringComparison.Ordinal);
        await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == mentee.Member.Email)
            && m.Subject == "You are in Spring cohort");

        // Importing the same file again changes answers, adds nobody and invites nobody twice.
        var again = (await (await ImportAsync(programme, csv)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((0, 2, 0, 1), ((int)again["added"]!, (int)again["updated"]!, (int)again["invited"]!, (int)again["alreadyInvited"]!));
    }

    [Fact]
    public async Task AFileWithOneBadRow_IsRefusedWhole_WithItsLineNumber()
    {
        var programme = await app.EnrollingAsync();
        await programme.QuestionAsync("track", "SingleChoice", "Soft", ["Product", "Engineering"]);
        var mentee = await app.MenteeAsync("Tom Good Row");
        var csv = "email,name,role,track\n" +
                  $"{mentee.Member.Email},Tom,mentee,Product\n" +
                  $"{Members.NewEmail("fine")},Fine,mentee,engineering\n" +
                  "not-an-email,Bad,mentee,Product\n" +
                  $"{Members.NewEmail("worse")},Worse,coach,Design\n";
        var before = await RowsAsync(programme.Id);

        var response = await ImportAsync(programme, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.ErrorsAsync();
        Assert.Equal(["line 4", "line 5"], errors.Select(e => e.Key));
        Assert.Contains("not an e-mail address", (string)errors["line 4"]![0]!, StringComparison.Ordinal);
        Assert.Contains("role “coach”", (string)errors["line 5"]![0]!, StringComparison.Ordinal);
        Assert.Contains("track: Choose from: Product, Engineering", (string)errors["line 5"]![0]!, StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync(programme.Id));
    }

    [Theory]
    [InlineData("email,name,role,team\n", "unknown column “team”")]
    [InlineData("email,name\nsomeone@example.org,Someone\n", "the column “role” is missing")]
    [InlineData("email,role\n\"someone@example.org,mentee\nother@example.org,mentee\n", "never closed")]
    [InlineData("", "Choose a CSV file")]
    public async Task AMalformedFile_IsRefusedWithTheReason(string csv, string reason)
    {
        var programme = await app.EnrollingAsync();
        var before = await RowsAsync(programme.Id);

        var response = await ImportAsync(programme, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(reason, string.Join(" ", problem["errors"]!.AsObject().SelectMany(e => e.Value!.AsArray())
            .Select(m => (string)m!)), StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync(programme.Id));
    }

    [Fact]
    public async Task TheExport_HasEveryParticipantAndAnswer_AndImportsAgainUnchanged()
    {
        var programme = await app.EnrollingAsync();
        var team = await programme.QuestionAsync("team", "ShortText", "Info");
        var tom = await app.MenteeAsync("Tom Exported");
        await tom.EnrolledAsync(programme, "Mentee", new() { [team] = ["=SUM(A1)"] });

        var export = await programme.Owner.Api.GetAsync($"{programme.Api}/export/participants.csv");

        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var text = await export.Content.ReadAsStringAsync();
        var lines = text.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("email,name,role,capacity,status", lines[0], StringComparison.Ordinal);
        Assert.Contains($"{tom.Member.Email},Tom Exported,mentee,,enrolled", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",'=SUM(A1)", lines[1].TrimEnd('\r'), StringComparison.Ordinal); // never a live formula
        var reimport = await ImportAsync(programme, text);
        Assert.True(reimport.IsSuccessStatusCode, await reimport.Content.ReadAsStringAsync());
        var answers = await app.WithDbAsync(db => db.Participants.Where(p => p.MemberId == tom.Id).Select(p => p.Answers).SingleAsync());
        Assert.Equal(["=SUM(A1)"], answers.Single().Values);
        var eve = await app.MenteeAsync("Eve Exporter");
        Assert.Equal(HttpStatusCode.NotFound, (await eve.Api.GetAsync($"{programme.Api}/export/participants.csv")).StatusCode);
    }

    [Fact]
    public async Task TheImportPage_ChecksTheFile_ShowsBadLines_AndImportsOnlyWhenConfirmed()
    {
        var programme = await app.EnrollingAsync();
        var mentee = await app.MenteeAsync("Tom Paged");
        var page = $"{programme.Manage}/Import";
        var browser = programme.Owner.Member.Browser;

        var bad = await PostFileAsync(browser, page, $"email,role\n{mentee.Member.Email},mentee\nnobody,mentee\n");
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Nothing was imported: 1 problem in the file", badHtml, StringComparison.Ordinal);
        Assert.Contains("<td>3</td>", badHtml, StringComparison.Ordinal);

        var good = await PostFileAsync(browser, page, $"email,role\n{mentee.Member.Email},mentee\n");
        var html = await good.Content.ReadAsStringAsync();
        Assert.Contains("The file is clean: 1 rows", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Participants.AnyAsync(p => p.ProgrammeId == programme.Id)));
        var kept = System.Text.RegularExpressions.Regex.Match(html, "name=\"kept\" value=\"([^\"]+)\"").Groups[1].Value;

        var confirmed = await browser.PostAsync(page, new { kept = WebUtility.HtmlDecode(kept) }, handler: "Import");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Participants.AnyAsync(p => p.ProgrammeId == programme.Id && p.MemberId == mentee.Id)));
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient browser, string page, string csv)
    {
        var token = Forms.AntiforgeryToken(await browser.GetStringAsync(page));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new("text/csv") } }, "file", "people.csv" },
        };
        return await browser.PostAsync($"{page}?handler=Check", form);
    }

    [Fact]
    public async Task TheImportCommand_ImportsThroughTheSameImport_AndRefusesABadFileWhole()
    {
        var programme = await app.EnrollingAsync();
        var mentor = await app.MentorAsync("Maria Command");
        var newcomer = Members.NewEmail("command");
        var file = Path.Combine(Path.GetTempPath(), $"trellis-import-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(file, $"email,name,role,capacity\n{mentor.Member.Email},Maria,mentor,2\nnot-an-address,Bad,mentee,\n");
            var refused = new StringWriter();
            Assert.Equal(1, await AdminCommands.RunAsync(app.Services, ["programme", "import", "--slug", programme.Slug, "--file", file],
                refused, refused, default));
            Assert.Contains("line 3", refused.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, await app.WithDbAsync(db => db.Participants.CountAsync(p => p.ProgrammeId == programme.Id)));

            await File.WriteAllTextAsync(file, $"email,name,role,capacity\n{mentor.Member.Email},Maria,mentor,2\n{newcomer},Nina,mentee,\n");
            var output = new StringWriter();
            Assert.Equal(0, await AdminCommands.RunAsync(app.Services, ["programme", "import", "--slug", programme.Slug, "--file", file],
                output, output, default));
            Assert.Contains("Imported: 2 rows, 1 added", output.ToString(), StringComparison.Ordinal);
            var maria = await app.WithDbAsync(db => db.Participants.AsNoTracking().SingleAsync(p => p.ProgrammeId == programme.Id));
            Assert.Equal((mentor.Id, ProgrammeRole.Mentor, ParticipantSource.Import, 2), (maria.MemberId, maria.Role, maria.Source, maria.Capacity));
            Assert.Equal(1, await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.ProgrammeId == programme.Id && i.Email == newcomer)));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
