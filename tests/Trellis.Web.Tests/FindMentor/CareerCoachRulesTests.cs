using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.FindMentor;

/// <summary>
/// Issue 14 as members meet it: what they say on their profile (direction of travel, languages that must be
/// shared, whom they ask for, when they can meet) decides whom "Find a mentor" and recommendations show.
/// Each rule has a mentee who uses it and, where the rule removes someone, a control mentee who does not,
/// so a test fails if the mentor was missing for another reason.
/// </summary>
public sealed class CareerCoachRulesTests(FindMentorApp app) : IClassFixture<FindMentorApp>
{
    public sealed record Community(
        HttpClient Changer, TestMember ChangerMember, TestMember Litigator, TestMember LegalTech,
        HttpClient NeedsPortuguese, TestMember NeedsPortugueseMember, HttpClient AnyLanguage, TestMember AnyLanguageMember, TestMember NurseEnglish, TestMember NursePortuguese,
        HttpClient PeerAsker, TestMember NotOptedPeer, TestMember OptedPeer, TestMember Senior,
        HttpClient Evenings, HttpClient EveningsFlexible, TestMember Singapore, TestMember Berlin);

    private Task<Community> CommunityAsync() => app.OnceAsync(CreateAsync);

    private async Task<Community> CreateAsync()
    {
        var changer = await app.SignedInAsync("Leo Lawyer");
        var changerApi = await Mentee(changer, "Law", 8, "en", "Europe/London",
            "I have litigated for eight years and want to found a start-up that builds software for lawyers.",
            new() { ["direction"] = "Move", ["targetField"] = "Legal tech", ["targetRole"] = "Founder" });
        var litigator = await Mentor("Lara Litigator", "Law", 22, "Litigation partner: commercial disputes, trials and arbitration for two decades.",
            ["litigation", "advocacy"], ["en"], "Europe/London");
        var legalTech = await Mentor("Theo Tech", "Legal tech", 14, "Solicitor for six years, then founded and sold a start-up; I advise founders building software for lawyers.",
            ["start-ups", "legal software"], ["en"], "Europe/London", new() { ["previousFields"] = new JsonArray("Law") });

        const string NurseGoals = "I am a nurse and want to become a ward manager; I want to talk it through in Portuguese.";
        var needsPtMember = await app.SignedInAsync("Bia Nurse");
        var needsPt = await Mentee(needsPtMember, "Nursing", 3, "pt,en", "Europe/Lisbon", NurseGoals,
            new() { ["requiredLanguages"] = new JsonArray("pt") });
        var anyLanguageMember = await app.SignedInAsync("Bruna Nurse");
        var anyLanguage = await Mentee(anyLanguageMember, "Nursing", 3, "pt,en", "Europe/Lisbon", NurseGoals, []);
        var nurseEn = await Mentor("Nora English", "Nursing", 20, "Ward manager for fifteen years; I coach nurses stepping up into ward management.",
            ["ward management", "nurse leadership"], ["en"], "Europe/London");
        var nursePt = await Mentor("Rita Portuguesa", "Nursing", 18, "Enfermeira-chefe; ajudo enfermeiros a tornarem-se gestores de enfermaria.",
            ["gestão de enfermaria"], ["pt", "en"], "Europe/Lisbon");

        var peerAsker = await Mentee(await app.SignedInAsync("Pam Analyst"), "Data science", 5, "en", "Europe/London",
            "I want someone at my level to swap notes with while I move from analysis into machine learning.",
            new() { ["ask"] = "Peer" });
        var notOpted = await Mentor("Nico Notopted", "Data science", 4, "Machine learning engineer; I moved from analytics into building models.",
            ["machine learning", "analytics"], ["en"], "Europe/London");
        var opted = await Mentor("Omar Opted", "Data science", 6, "Data scientist who works on model evaluation; happy to trade notes.",
            ["model evaluation"], ["en"], "Europe/London", new() { ["openToPeerMentoring"] = true });
        var senior = await Mentor("Sam Senior", "Data science", 25, "Head of machine learning; I grew analysts into ML engineers for twenty years.",
            ["machine learning careers"], ["en"], "Europe/London");

        const string EveningGoals = "I want to grow into a marketing lead; I can only meet in the evenings after work.";
        var evenings = new JsonArray([.. Weekdays().Select(d => Window(d, "19:00", "22:00"))]);
        var eveningsApi = await Mentee(await app.SignedInAsync("Eva Evening"), "Marketing", 4, "en", "Europe/Lisbon", EveningGoals,
            new() { ["meetingWindows"] = evenings, ["requireMeetingOverlap"] = true });
        var flexibleApi = await Mentee(await app.SignedInAsync("Evan Flexible"), "Marketing", 4, "en", "Europe/Lisbon", EveningGoals,
            new() { ["meetingWindows"] = evenings });
        // 19:00 in Lisbon is 03:00 in Singapore: her working hours (her default windows) never meet Eva's evenings.
        var singapore = await Mentor("Mei Singapore", "Marketing", 15, "Marketing director; I grow marketers into marketing leads.",
            ["marketing leadership"], ["en"], "Asia/Singapore");
        var berlin = await Mentor("Bernd Berlin", "Marketing", 12, "Head of marketing; I coach marketers in the evenings.", ["brand"], ["en"], "Europe/Berlin",
            new() { ["meetingWindows"] = new JsonArray([.. Weekdays().Select(d => Window(d, "18:00", "23:00"))]) });

        await app.SyncAsync();
        return new Community(changerApi, changer, litigator, legalTech, needsPt, needsPtMember, anyLanguage, anyLanguageMember, nurseEn, nursePt,
            peerAsker, notOpted, opted, senior, eveningsApi, flexibleApi, singapore, berlin);
    }

    [Fact]
    public async Task ACareerChanger_SeesTheMentorInTheTargetField_First_WithTheMoveExplained()
    {
        var c = await CommunityAsync();
        var recommended = (await c.Changer.GetFromJsonAsync<JsonArray>("/api/v1/me/recommendations"))!;
        Assert.Equal(c.LegalTech.Id, recommended[0]!["mentorId"]!.GetValue<Guid>());
        Assert.Contains("moved from law into legal tech, where you want to go", recommended[0]!["explanation"]!.GetValue<string>(),
            StringComparison.OrdinalIgnoreCase);
        var all = (await c.Changer.GetFromJsonAsync<JsonObject>("/api/v1/mentors?pageSize=100"))!["results"]!.AsArray();
        var litigator = all.Single(r => r!["mentorId"]!.GetValue<Guid>() == c.Litigator.Id)!;
        Assert.Contains("the field you are leaving", litigator["explanation"]!.GetValue<string>(), StringComparison.Ordinal);

        var page = await c.ChangerMember.Browser.GetStringAsync("/Mentors");
        Assert.True(page.IndexOf("Theo Tech", StringComparison.Ordinal) < page.IndexOf("Lara Litigator", StringComparison.Ordinal), "the move, then the background");
        // Behind him and not open to peer or reverse mentoring: never offered to someone who asks for a mentor.
        Assert.DoesNotContain(c.NotOptedPeer.Id, await FindMentorApp.Ids(c.Changer, "/api/v1/mentors?pageSize=100"));
    }

    [Fact]
    public async Task AMenteeWhoMustSharePortuguese_NeverSeesAMentorWithoutIt()
    {
        var c = await CommunityAsync();
        foreach (var url in new[] { "/api/v1/me/recommendations", "/api/v1/mentors?pageSize=100", "/api/v1/mentors?q=ward+manager&pageSize=100" })
        {
            var ids = await FindMentorApp.Ids(c.NeedsPortuguese, url);
            Assert.Contains(c.NursePortuguese.Id, ids);
            Assert.DoesNotContain(c.NurseEnglish.Id, ids);
            Assert.Contains(c.NurseEnglish.Id, await FindMentorApp.Ids(c.AnyLanguage, url)); // the control: only the rule removes her
        }
        // Her profile is still there to read, but nothing on it says she could be a good match.
        var page = await c.NeedsPortugueseMember.Browser.GetStringAsync($"/Members/{c.NurseEnglish.Id}");
        Assert.Contains("Nora English", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Why this could be a good match", page, StringComparison.Ordinal);
        Assert.Contains("Why this could be a good match", await c.AnyLanguageMember.Browser.GetStringAsync($"/Members/{c.NurseEnglish.Id}"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task APeerAsk_ShowsOnlyOptedInPeers_CreditedAsAsked()
    {
        var c = await CommunityAsync();
        var results = (await c.PeerAsker.GetFromJsonAsync<JsonObject>("/api/v1/mentors?pageSize=100"))!["results"]!.AsArray();
        var ids = results.Select(r => r!["mentorId"]!.GetValue<Guid>()).ToList();
        Assert.DoesNotContain(c.NotOptedPeer.Id, ids);
        Assert.DoesNotContain(c.Senior.Id, ids);
        Assert.Equal(c.OptedPeer.Id, ids[0]);
        Assert.Contains("A peer, as you asked, open to peer mentoring", results[0]!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task RequiredMeetingTime_RemovesTheMentorForWhomTheEveningsAre3am()
    {
        var c = await CommunityAsync();
        var ids = await FindMentorApp.Ids(c.Evenings, "/api/v1/mentors?pageSize=100");
        Assert.Contains(c.Berlin.Id, ids);
        Assert.DoesNotContain(c.Singapore.Id, ids);
        Assert.DoesNotContain(c.Singapore.Id, await FindMentorApp.Ids(c.Evenings, "/api/v1/me/recommendations"));
        Assert.Contains(c.Singapore.Id, await FindMentorApp.Ids(c.EveningsFlexible, "/api/v1/mentors?pageSize=100"));

        // Evenings 19:00-22:00 in Lisbon are 20:00-23:00 in Berlin, every weekday: the explanation says so in both zones.
        var results = (await c.Evenings.GetFromJsonAsync<JsonObject>("/api/v1/mentors?pageSize=100"))!["results"]!.AsArray();
        var berlin = results.Single(r => r!["mentorId"]!.GetValue<Guid>() == c.Berlin.Id)!["reasons"]!.AsArray().Select(r => r!.GetValue<string>());
        Assert.Contains(berlin, r => r.StartsWith("15 hours a week when you can both meet, the first ", StringComparison.Ordinal)
            && r.Contains("19:00–22:00 your time (Lisbon)", StringComparison.Ordinal) && r.Contains("20:00–23:00 theirs (Berlin)", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Weekdays() => ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    private static JsonObject Window(string day, string start, string end) => new() { ["day"] = day, ["start"] = start, ["end"] = end };

    private Task<HttpClient> Mentee(TestMember member, string field, int years, string languages, string zone, string goals,
        Dictionary<string, JsonNode?> more)
    {
        var fields = new Dictionary<string, JsonNode?>
        {
            ["field"] = field, ["yearsOfExperience"] = years, ["languages"] = JsonSerializer.SerializeToNode(languages.Split(',')),
            ["timeZone"] = zone, ["seekingMentor"] = true, ["menteeGoals"] = goals, ["openToMentoring"] = false, ["mentorCapacity"] = 0,
            ["skills"] = new JsonArray(), ["qualitiesSought"] = new JsonArray(), ["interests"] = new JsonArray(), ["careerHistory"] = new JsonArray(),
        };
        foreach (var (key, value) in more) fields[key] = value;
        return app.SetProfileAsync(member, fields);
    }

    private async Task<TestMember> Mentor(string name, string field, int years, string bio, string[] topics, string[] languages, string zone,
        Dictionary<string, JsonNode?>? more = null)
    {
        var member = await app.SignedInAsync(name);
        var fields = new Dictionary<string, JsonNode?>
        {
            ["displayName"] = name, ["field"] = field, ["yearsOfExperience"] = years, ["bio"] = bio, ["headline"] = $"{field}, {years} years",
            ["mentorTopics"] = JsonSerializer.SerializeToNode(topics), ["languages"] = JsonSerializer.SerializeToNode(languages),
            ["timeZone"] = zone, ["openToMentoring"] = true, ["mentorCapacity"] = 3, ["hoursPerMonth"] = 4, ["seekingMentor"] = false,
            ["menteeGoals"] = "", ["careerHistory"] = new JsonArray(), ["skills"] = new JsonArray(), ["interests"] = new JsonArray(),
            ["openToPeerMentoring"] = false, ["openToReverseMentoring"] = false,
        };
        foreach (var (key, value) in more ?? []) fields[key] = value;
        await app.SetProfileAsync(member, fields);
        return member;
    }
}
