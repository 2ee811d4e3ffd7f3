using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Features.Programmes.Matching;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Profiles;

namespace Trellis.Web.Tests.Programmes;

/// <summary>The app with its scheduler off: tests do the queued bulk runs themselves, as the job would.</summary>
public sealed class BulkApp : TrellisApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:Run"] = "false" };

    public Task<bool> RunQueuedAsync() => Services.GetRequiredService<BulkRunner>().RunOnceAsync(CancellationToken.None);
}

/// <summary>Bulk matching: a background run over the remainder with hard rules, pins and forbids; approval waits for it.</summary>
public sealed class BulkMatchingTests(BulkApp app) : IClassFixture<BulkApp>
{
    [Fact]
    public async Task ARun_MatchesTheRemainderInTheBackground_FollowingHardQuestionsPinsAndForbids_AndExplainsEveryPair()
    {
        var (programme, team) = await BulkProgrammeAsync();
        var maria = await MentorAsync(programme, team, "Maria A", "A");
        var mark = await MentorAsync(programme, team, "Mark B", "B");
        var olga = await MentorAsync(programme, team, "Olga B", "B");
        var kenji = await app.MentorSpeakingAsync("Kenji Japanese", "ja");
        await kenji.EnrolledAsync(programme, "Mentor", new() { [team] = ["K"] }, capacity: 1);
        var tom = await MenteeAsync(programme, team, "Tom A", "A");
        var ben = await MenteeAsync(programme, team, "Ben B", "B");
        var ann = await MenteeAsync(programme, team, "Ann C", "C");
        var zed = await MenteeAsync(programme, team, "Zed C", "C");
        await RuleAsync(programme, ann, olga, "Pin");
        await RuleAsync(programme, ben, maria, "Forbid");

        var started = await programme.Owner.Api.PostAsync($"{programme.Api}/runs", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var queued = await started.JsonAsync();
        Assert.Equal(("Queued", "Waiting", 0), ((string)queued["status"]!, (string)queued["stage"]!, (int)queued["percent"]!));
        Assert.False(await app.WithDbAsync(db => db.DraftMatches.AnyAsync(d => d.ProgrammeId == programme.Id))); // never inside the request
        var page = await programme.Owner.Member.Browser.GetStringAsync($"{programme.Manage}/Matching");
        Assert.Contains("Waiting to start · 0%", page, StringComparison.Ordinal);
        Assert.Contains("<progress id=\"run-progress\"", page, StringComparison.Ordinal);
        var polled = await programme.Owner.Member.Browser.GetFromJsonAsync<JsonObject>($"{programme.Manage}/Matching?handler=Progress");
        Assert.Equal(("Queued", "Waiting to start", 0), ((string)polled!["status"]!, (string)polled["stageText"]!, (int)polled["percent"]!));
        Assert.Equal(HttpStatusCode.Conflict, (await programme.Owner.Api.PostAsync($"{programme.Api}/runs", null)).StatusCode); // one at a time

        Assert.True(await app.RunQueuedAsync());

        var run = await programme.Owner.Api.GetFromJsonAsync<JsonObject>($"{programme.Api}/runs/latest");
        Assert.Equal(("Done", "Finished", 100), ((string)run!["status"]!, (string)run["stage"]!, (int)run["percent"]!));
        Assert.Equal((4, 4, 3), ((int)run["mentees"]!, (int)run["mentors"]!, (int)run["matched"]!));
        var left = run["unmatched"]!.AsArray().Single()!;
        Assert.Equal(ben.Id, left["menteeId"]!.GetValue<Guid>());
        Assert.Contains("forbidden", (string)left["reason"]!, StringComparison.Ordinal);
        var drafts = await app.WithDbAsync(db => db.DraftMatches.AsNoTracking().Where(d => d.ProgrammeId == programme.Id).ToListAsync());
        // Ann is pinned to Olga; Tom (team A) cannot have Maria (A) and Olga is taken, so Mark; Zed has Maria; Kenji shares no language.
        Assert.Equal(new[] { (ann.Id, olga.Id), (tom.Id, mark.Id), (zed.Id, maria.Id) }.Order(),
            drafts.Select(d => (d.MenteeId, d.MentorId)).Order());
        // Each draft says where it came from: Ann's pin, the engine's choice for the others.
        Assert.All(drafts, d => Assert.Equal((d.MenteeId == ann.Id ? DraftSource.Pinned : DraftSource.Bulk, DraftStatus.Draft), (d.Source, d.Status)));
        var listed = await programme.Owner.Api.GetFromJsonAsync<JsonArray>($"{programme.Api}/drafts");
        Assert.Equal(drafts.Select(d => (d.Id, d.Source.ToString())).Order(),
            listed!.Select(d => (d!["id"]!.GetValue<Guid>(), (string)d["source"]!)).Order());
        var csv = (await programme.Owner.Api.GetStringAsync($"{programme.Api}/export/matches.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("mentee_email,mentee_name,mentor_email,mentor_name,status,source,score,reasons,pair_status,created_at,decided_at",
            csv[0].TrimStart('\uFEFF').TrimEnd('\r'));
        Assert.Contains(csv, l => l.Contains(",Ann C,", StringComparison.Ordinal) && l.Contains(",Olga B,draft,pinned,", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.Contains(",Tom A,", StringComparison.Ordinal) && l.Contains(",Mark B,draft,bulk run,", StringComparison.Ordinal));
        foreach (var d in drafts)
        {
            // The one engine's words: what the side-by-side view (Find a mentor's scorer) says of the same pair.
            var compared = await programme.Owner.Api.GetFromJsonAsync<JsonObject>($"{programme.Api}/compare?menteeId={d.MenteeId}&mentorId={d.MentorId}");
            Assert.Equal((int)compared!["score"]!, d.Score);
            Assert.Equal(compared["reasons"]!.AsArray().Select(r => (string)r!), d.Reasons);
            Assert.NotEmpty(d.Reasons);
        }
        page = await programme.Owner.Member.Browser.GetStringAsync($"{programme.Manage}/Matching");
        Assert.Contains("The last run matched 3 of 4", page, StringComparison.Ordinal);
        Assert.Equal(1, page.Split("<td class=\"draft-source\">pinned</td>").Length - 1);
        Assert.Equal(2, page.Split("<td class=\"draft-source\">bulk run</td>").Length - 1);
        Assert.Contains("Ben B", page, StringComparison.Ordinal);

        // Re-run on the remainder: a mentor who enrolled since takes Ben; the drafts already made stay as they are.
        var nina = await MentorAsync(programme, team, "Nina A", "A");
        Assert.Equal(HttpStatusCode.Created, (await programme.Owner.Api.PostAsync($"{programme.Api}/runs", null)).StatusCode);
        Assert.True(await app.RunQueuedAsync());
        var again = await app.WithDbAsync(db => db.DraftMatches.AsNoTracking().Where(d => d.ProgrammeId == programme.Id).ToListAsync());
        Assert.Equal(drafts.Select(d => (d.Id, d.Version)).Order(), again.Where(d => d.MenteeId != ben.Id).Select(d => (d.Id, d.Version)).Order());
        Assert.Equal(nina.Id, again.Single(d => d.MenteeId == ben.Id).MentorId);

        // Approve all: one proposal per mentee, each in the programme.
        var approved = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/drafts/approve",
            new { drafts = again.Select(d => new { id = d.Id, version = d.Version }) });
        var result = await approved.JsonAsync();
        Assert.Equal(4, result["approved"]!.AsArray().Count);
        Assert.Empty(result["refused"]!.AsArray());
        var pairs = await app.WithDbAsync(db => db.Mentorships.AsNoTracking().Where(m => m.ProgrammeId == programme.Id)
            .Select(m => new { m.MenteeId, m.MentorId }).ToListAsync());
        Assert.Equal(again.Select(d => (d.MenteeId, d.MentorId)).Order(), pairs.Select(p => (p.MenteeId, p.MentorId)).Order());
    }

    [Fact]
    public async Task ApprovingWhileARunIsQueuedOrWriting_Is409_AndARunBesideApprovalsNeverMakesADuplicate()
    {
        var (programme, team) = await BulkProgrammeAsync();
        var maria = await MentorAsync(programme, team, "Maria Busy", "A", capacity: 2);
        var tom = await MenteeAsync(programme, team, "Tom Busy", "B");
        var ben = await MenteeAsync(programme, team, "Ben Busy", "C");
        var draft = await (await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/drafts", new { menteeId = tom.Id, mentorId = maria.Id })).JsonAsync();
        var approve = $"{programme.Api}/drafts/{draft["id"]}/approve";
        Assert.Equal(HttpStatusCode.Created, (await programme.Owner.Api.PostAsync($"{programme.Api}/runs", null)).StatusCode);

        var queued = await programme.Owner.Api.PostAsJsonAsync(approve, new { version = draft["version"] });
        Assert.Equal(HttpStatusCode.Conflict, queued.StatusCode);
        Assert.Contains("approve when its run has finished", await queued.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // As another node has it: claimed and writing.
        await app.WithDbAsync(db => db.BulkRuns.Where(r => r.ProgrammeId == programme.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, BulkRunStatus.Running).SetProperty(r => r.Stage, BulkStage.Writing)
                .SetProperty(r => r.HeartbeatAt, DateTimeOffset.UtcNow)));
        Assert.Equal(HttpStatusCode.Conflict, (await programme.Owner.Api.PostAsJsonAsync(approve, new { version = draft["version"] })).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Mentorships.AnyAsync(m => m.ProgrammeId == programme.Id)));
        Assert.False(await app.RunQueuedAsync()); // a live run on another node is not taken from it

        // The run back in the queue, done while two tabs approve the same draft: one mentorship, every other answer 409.
        await app.WithDbAsync(db => db.BulkRuns.Where(r => r.ProgrammeId == programme.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, BulkRunStatus.Queued).SetProperty(r => r.HeartbeatAt, (DateTimeOffset?)null)));
        var second = await app.ApiAsync(programme.Owner.Member);
        var running = app.RunQueuedAsync();
        var answers = new List<HttpStatusCode>();
        while (!running.IsCompleted)
        {
            var both = await Task.WhenAll(programme.Owner.Api.PostAsJsonAsync(approve, new { version = draft["version"] }),
                second.PostAsJsonAsync(approve, new { version = draft["version"] }));
            answers.AddRange(both.Select(a => a.StatusCode));
        }
        Assert.True(await running);
        var last = await Task.WhenAll(programme.Owner.Api.PostAsJsonAsync(approve, new { version = draft["version"] }),
            second.PostAsJsonAsync(approve, new { version = draft["version"] }));
        answers.AddRange(last.Select(a => a.StatusCode));

        Assert.All(answers, a => Assert.Contains(a, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Equal(1, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal(1, await app.WithDbAsync(db => db.Mentorships.CountAsync(m => m.MenteeId == tom.Id)));
        var bens = await app.WithDbAsync(db => db.DraftMatches.AsNoTracking().Where(d => d.ProgrammeId == programme.Id && d.MenteeId == ben.Id).ToListAsync());
        Assert.Equal(maria.Id, Assert.Single(bens).MentorId); // Maria's second place, from the run
        Assert.Equal(1, await app.WithDbAsync(db => db.DraftMatches.CountAsync(d => d.ProgrammeId == programme.Id && d.MenteeId == tom.Id)));
    }

    [Fact]
    public async Task AMenteeAndAMentorWhoBothListedNoLanguage_ArePaired()
    {
        // Found by the coordinator's journey in the browser: members imported into a programme had left languages
        // empty, and the run matched none of them ("no mentor with a place left shares a language with them").
        var (programme, team) = await BulkProgrammeAsync();
        var lin = await app.MentorSpeakingAsync("Lin No Language");
        await lin.EnrolledAsync(programme, "Mentor", new() { [team] = ["A"] }, capacity: 1);
        var ned = await app.MenteeAsync("Ned No Profile");
        await ned.EnrolledAsync(programme, "Mentee", new() { [team] = ["B"] });

        await (await programme.Owner.Api.PostAsync($"{programme.Api}/runs", null)).JsonAsync();
        Assert.True(await app.RunQueuedAsync());

        var run = await programme.Owner.Api.GetFromJsonAsync<JsonObject>($"{programme.Api}/runs/latest");
        Assert.Equal(("Done", 1, 0), ((string)run!["status"]!, (int)run["matched"]!, run["unmatched"]!.AsArray().Count));
        var draft = await app.WithDbAsync(db => db.DraftMatches.AsNoTracking().SingleAsync(d => d.ProgrammeId == programme.Id));
        Assert.Equal((ned.Id, lin.Id), (draft.MenteeId, draft.MentorId));
    }

    [Fact]
    public async Task RunsAndPairRules_Are404ForOthers_AndBadRulesAre400_WritingNothing()
    {
        var (programme, team) = await BulkProgrammeAsync();
        var other = await app.EnrollingAsync(kind: "Evergreen", name: "Another programme");
        var maria = await MentorAsync(programme, team, "Maria Rules", "A");
        var tom = await MenteeAsync(programme, team, "Tom Rules", "B");

        foreach (var outsider in new[] { other.Owner, tom, maria })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.PostAsync($"{programme.Api}/runs", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync($"{programme.Api}/runs/latest")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync($"{programme.Api}/pair-rules")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound,
                (await outsider.Api.PostAsJsonAsync($"{programme.Api}/pair-rules", new { menteeId = tom.Id, mentorId = maria.Id, kind = "Pin" })).StatusCode);
        }
        var bad = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/pair-rules", new { menteeId = maria.Id, mentorId = maria.Id, kind = "Pin" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("menteeId", (await bad.ErrorsAsync()).Select(e => e.Key));
        var missing = await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/pair-rules", new { menteeId = tom.Id });
        Assert.Equal(new[] { "kind", "mentorId" }, (await missing.ErrorsAsync()).Select(e => e.Key).Order());
        Assert.False(await app.WithDbAsync(db => db.PairRules.AnyAsync(r => r.ProgrammeId == programme.Id)));
        Assert.False(await app.WithDbAsync(db => db.BulkRuns.AnyAsync(r => r.ProgrammeId == programme.Id)));

        await programme.SetModeAsync("ByHand");
        var byHand = await programme.Owner.Api.PostAsync($"{programme.Api}/runs", null);
        Assert.Equal(HttpStatusCode.Conflict, byHand.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.BulkRuns.AnyAsync(r => r.ProgrammeId == programme.Id)));
    }

    [Fact]
    public async Task ARun_NeverDraftsAPairFindAMentorWouldExclude()
    {
        // Sara shares a language with every mentee, has room and is well ahead: before, the engine checked no more than that.
        var programme = await app.EnrollingAsync(kind: "Evergreen");
        await programme.SetModeAsync("Bulk");
        var senior = await MemberAsync(programme, "Mentor", "Sara Senior", b => b["languages"] = new JsonArray("pt"));
        var french = await MemberAsync(programme, "Mentor", "Felix French", b => (b["languages"], b["bio"]) = (new JsonArray("fr"), "Gardening."));
        var peer = await MemberAsync(programme, "Mentor", "Pia Peer", b =>
            (b["languages"], b["yearsOfExperience"], b["openToPeerMentoring"], b["bio"]) = (new JsonArray("pt"), 4, true, "Pottery."));
        var evening = await MemberAsync(programme, "Mentor", "Eli Evening", b =>
            (b["languages"], b["bio"], b["meetingWindows"]) = (new JsonArray("pt"), "Sailing.", new JsonArray(Window("Monday", "19:30", "21:00"))));
        var rita = await MemberAsync(programme, "Mentee", "Rita Needs French", b => b["requiredLanguages"] = new JsonArray("fr"));
        var pete = await MemberAsync(programme, "Mentee", "Pete Asks Peer", b => b["ask"] = "Peer");
        var nora = await MemberAsync(programme, "Mentee", "Nora Nights", b =>
            (b["meetingWindows"], b["requireMeetingOverlap"]) = (new JsonArray(Window("Monday", "19:00", "22:00")), true));

        Assert.Equal(HttpStatusCode.Created, (await programme.Owner.Api.PostAsync($"{programme.Api}/runs", null)).StatusCode);
        Assert.True(await app.RunQueuedAsync());

        var drafts = await app.WithDbAsync(db => db.DraftMatches.AsNoTracking().Where(d => d.ProgrammeId == programme.Id)
            .ToDictionaryAsync(d => d.MenteeId, d => d.MentorId));
        // Rita must share French (Felix); Pete asked for a peer (Pia, 1 year apart and open to it); Nora can only meet on
        // Monday evenings (Eli). Sara, who speaks no French, is no peer and works office hours, breaks a rule for each.
        Assert.Equal(french.Id, drafts[rita.Id]);
        Assert.Equal(peer.Id, drafts[pete.Id]);
        Assert.Equal(evening.Id, drafts[nora.Id]);
        Assert.DoesNotContain(senior.Id, drafts.Values);
    }

    private static JsonObject Window(string day, string start, string end) => new() { ["day"] = day, ["start"] = start, ["end"] = end };

    private async Task<Person> MemberAsync(TestProgramme programme, string role, string name, Action<JsonObject> change)
    {
        var person = role == "Mentor" ? await app.MentorAsync(name, capacity: 1) : await app.MenteeAsync(name);
        var body = await ProfileApiTests.ValidBody(person.Api);
        (body["displayName"], body["openToMentoring"]) = (name, role == "Mentor");
        if (role == "Mentee") (body["yearsOfExperience"], body["languages"]) = (3, new JsonArray("pt", "fr"));
        change(body);
        var saved = await person.Api.PutAsJsonAsync("/api/v1/me/profile", body);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        await person.EnrolledAsync(programme, role, capacity: role == "Mentor" ? 1 : null);
        return person;
    }

    [Fact]
    public async Task ScoringPairsInBatches_GivesEachPairWhatScoringItAloneGives_BlocksStoppedMentorsAndChunkEdgesIncluded()
    {
        var mentors = new List<Person>();
        for (var i = 0; i < 3; i++) mentors.Add(await app.MentorSpeakingAsync($"Batch mentor {i}", i == 2 ? "ja" : "pt"));
        var mentees = new List<Person>();
        for (var i = 0; i < 4; i++) mentees.Add(await app.ProfiledMenteeAsync($"Batch mentee {i}", i == 3 ? "ja" : "pt"));
        await app.Services.GetRequiredService<Trellis.Web.Features.FindMentor.EmbeddingRefresher>().RunAsync(default);
        await app.WithDbAsync(async db =>
        {
            db.Blocks.Add(new Trellis.Web.Features.Blocking.Block(mentees[0].Id, mentors[1].Id, DateTimeOffset.UtcNow));
            db.Blocks.Add(new Trellis.Web.Features.Blocking.Block(mentors[0].Id, mentees[1].Id, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            // No stored vector for one mentee (no longer seeking, so the background refresher leaves it missing);
            // one mentor stops mentoring (not askable: no score).
            await db.Profiles.Where(p => p.MemberId == mentees[2].Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.SeekingMentor, false));
            await db.ProfileEmbeddings.Where(e => e.MemberId == mentees[2].Id).ExecuteDeleteAsync();
            await db.Profiles.Where(p => p.MemberId == mentors[2].Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.OpenToMentoring, false));
        });
        var pairs = mentees.SelectMany(e => mentors.Select(o => (e.Id, o.Id))).Append((mentees[0].Id, mentors[0].Id)).ToList();

        await using var scope = app.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<Trellis.Web.Features.FindMentor.MentorSearch>();
        var alone = new List<(int, string, IReadOnlyList<string>)?>();
        foreach (var (mentee, mentor) in pairs) alone.Add(await search.ScorePairAsync(mentee, mentor, default));
        foreach (var chunk in new[] { 1, 5, 2_000 })
        {
            var done = new List<int>();
            var batched = await search.ScorePairsAsync(pairs, done.Add, default, chunk);
            Assert.Equal(pairs.Count, batched.Count);
            for (var i = 0; i < pairs.Count; i++)
            {
                Assert.Equal(alone[i].HasValue, batched[i].HasValue);
                if (alone[i] is not { } a) continue;
                var b = batched[i]!.Value;
                Assert.Equal((a.Item1, a.Item2), (b.Match, b.Explanation));
                Assert.Equal(a.Item3, b.Reasons);
            }
            Assert.Equal(pairs.Count, done[^1]);
        }
        Assert.Equal(4, alone.Count(a => a is null)); // the stopped mentor, once per mentee
        Assert.Equal(alone[0], alone[^1]);
    }

    private async Task<(TestProgramme, Guid Team)> BulkProgrammeAsync()
    {
        var programme = await app.EnrollingAsync(kind: "Evergreen");
        await programme.SetModeAsync("Bulk");
        return (programme, await programme.QuestionAsync("team", "ShortText", "Hard", hardRule: "Different"));
    }

    private async Task<Person> MentorAsync(TestProgramme programme, Guid team, string name, string answer, int capacity = 1)
    {
        var mentor = await app.MentorAsync(name);
        await mentor.EnrolledAsync(programme, "Mentor", new() { [team] = [answer] }, capacity: capacity);
        return mentor;
    }

    private async Task<Person> MenteeAsync(TestProgramme programme, Guid team, string name, string answer)
    {
        var mentee = await app.ProfiledMenteeAsync(name);
        await mentee.EnrolledAsync(programme, "Mentee", new() { [team] = [answer] });
        return mentee;
    }

    private static async Task RuleAsync(TestProgramme programme, Person mentee, Person mentor, string kind) =>
        await (await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/pair-rules",
            new { menteeId = mentee.Id, mentorId = mentor.Id, kind })).JsonAsync();
}
