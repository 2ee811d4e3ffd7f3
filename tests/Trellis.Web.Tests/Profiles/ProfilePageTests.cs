using System.Net;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Profiles;

public sealed class ProfilePageTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task EditPage_SavesBothSections_AndTheDashboardReflectsThem()
    {
        var member = await app.SignedInAsync("Page Editor");
        var response = await member.Browser.PostAsync("/Profile/Edit", await Fields(member.Browser, ("Input.MentorCapacity", "2"), ("Input.OpenToMentoring", "true"), ("Input.SeekingMentor", "true")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var profile = await app.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.MemberId == member.Id));
        Assert.Equal("Nursing", profile.Field);
        Assert.Equal(["en", "fr"], profile.Languages);
        Assert.Equal(["triage", "rostering"], profile.Skills);
        Assert.Equal("Charge nurse", profile.CareerHistory.Single().Title);
        Assert.True(profile.OpenToMentoring);
        Assert.Equal(["video", "phone"], profile.FormatsOffered);

        var dashboard = await member.Browser.GetStringAsync("/Dashboard");
        Assert.Contains("You are open to mentoring up to 2 mentees", dashboard, StringComparison.Ordinal);

        // The form gives back languages by name, and its zone list names each zone's city and offset.
        var edit = await member.Browser.GetStringAsync("/Profile/Edit");
        Assert.Matches("name=\"Input.Languages\"[^>]*value=\"English, French\"", edit);
        Assert.Matches("<option value=\"Asia/Tokyo\">Tokyo \\(UTC(\\+|&#x2B;)09:00\\)</option>", edit); // Razor encodes "+"
        Assert.Contains("You are looking for a mentor", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPage_SavesDirectionLanguagesAskAndMeetingWindows_AndShowsThemAgain()
    {
        var member = await app.SignedInAsync("Page Changer");
        var response = await member.Browser.PostAsync("/Profile/Edit", await Fields(member.Browser,
            ("Input.SeekingMentor", "true"), ("Input.Direction", "Move"), ("Input.TargetField", "Health tech"), ("Input.TargetRole", "Product lead"),
            ("Input.PreviousFields", "Teaching"), ("Input.RequiredLanguages", "fr"), ("Input.Ask", "Junior"), ("Input.RequireMeetingOverlap", "true"),
            ("Input.MeetingWindows[0].Day", "Tuesday"), ("Input.MeetingWindows[0].Start", "19:00"), ("Input.MeetingWindows[0].End", "21:30"),
            ("Input.MeetingWindows[1].Day", ""), ("Input.MeetingWindows[1].Start", ""), ("Input.MeetingWindows[1].End", "")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var p = await app.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.MemberId == member.Id));
        Assert.Equal((CareerDirection.Move, "Health tech", "Product lead", AskFor.Junior, true), (p.Direction, p.TargetField, p.TargetRole, p.Ask, p.RequireMeetingOverlap));
        Assert.Equal(["Teaching"], p.PreviousFields);
        Assert.Equal(["fr"], p.RequiredLanguages);
        var window = Assert.Single(p.MeetingWindows);
        Assert.Equal((DayOfWeek.Tuesday, new TimeOnly(19, 0), new TimeOnly(21, 30)), (window.Day, window.Start, window.End));

        var html = await member.Browser.GetStringAsync("/Profile/Edit");
        Assert.Contains("value=\"Move\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Junior\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Tuesday\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("value=\"21:30\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.MeetingWindows[0].Start", "25:00", "Input_MeetingWindows_0__Start", "time such as")]
    [InlineData("Input.RequiredLanguages", "pt", "Input_RequiredLanguages", "languages you speak")]
    [InlineData("Input.TargetField", "", "Input_TargetField", "required")]
    public async Task EditPage_WithABadCareerCoachField_ShowsTheMessageNextToIt_AndSavesNothing(string name, string value, string fieldId, string message)
    {
        var member = await app.SignedInAsync("Page Bad Coach");
        var before = await app.WithDbAsync(db => db.Profiles.AsNoTracking().Select(p => new { p.MemberId, p.Version }).SingleAsync(p => p.MemberId == member.Id));

        var response = await member.Browser.PostAsync("/Profile/Edit", await Fields(member.Browser, ("Input.Direction", "Move"), ("Input.TargetField", "Health tech"),
            ("Input.MeetingWindows[0].Day", "Monday"), ("Input.MeetingWindows[0].Start", "19:00"), ("Input.MeetingWindows[0].End", "22:00"), (name, value)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, Forms.FieldError(html, fieldId) ?? "(no error next to the field)", StringComparison.OrdinalIgnoreCase);
        var after = await app.WithDbAsync(db => db.Profiles.AsNoTracking().Select(p => new { p.MemberId, p.Version }).SingleAsync(p => p.MemberId == member.Id));
        Assert.Equal(before.Version, after.Version);
    }

    [Theory]
    [InlineData("Input.TimeZone", "Moon/Base", "Input_TimeZone", "Pick your time zone from the list")]
    [InlineData("Input.MentorCapacity", "-2", "Input_MentorCapacity", "between 0 and 50")]
    [InlineData("Input.Languages", "Elvish", "Input_Languages", "Write each language by its name or its two-letter code")]
    [InlineData("Input.YearsOfExperience", "lots", "Input_YearsOfExperience", "not valid")]
    [InlineData("Input.CareerHistory[0].FromYear", "1800", "Input_CareerHistory_0__FromYear", "between 1940")]
    public async Task EditPage_WithABadField_ShowsTheMessageNextToIt_AndSavesNothing(string name, string value, string fieldId, string message)
    {
        var member = await app.SignedInAsync("Page Bad");
        var before = await app.WithDbAsync(db => db.Profiles.AsNoTracking().Select(p => new { p.MemberId, p.Version }).SingleAsync(p => p.MemberId == member.Id));

        var response = await member.Browser.PostAsync("/Profile/Edit", await Fields(member.Browser, (name, value)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, Forms.FieldError(html, fieldId) ?? "(no error next to the field)", StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"value=\"{value}\"", html, StringComparison.Ordinal); // what was typed stays in the form
        var after = await app.WithDbAsync(db => db.Profiles.AsNoTracking().Select(p => new { p.MemberId, p.Version }).SingleAsync(p => p.MemberId == member.Id));
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task EditPage_ShowsFiveSteps_WithProgress_AndOpensTheFirstOrTheOneAskedFor()
    {
        var member = await app.SignedInAsync("Page Stepper");
        var html = await member.Browser.GetStringAsync("/Profile/Edit");
        Assert.Equal(["about", "mentee", "mentor", "availability", "visibility"], Steps(html).Select(s => s.Id));
        Assert.Equal(["about"], Steps(html).Where(s => s.Open).Select(s => s.Id));
        Assert.Matches(@"\d of 5 steps filled in", html);
        Assert.Contains("<progress value=", html, StringComparison.Ordinal);

        var mentor = await member.Browser.GetStringAsync("/Profile/Edit?step=mentor");
        Assert.Equal(["mentor"], Steps(mentor).Where(s => s.Open).Select(s => s.Id));
    }

    [Theory]
    [InlineData("Input.MentorCapacity", "-2", "mentor", "Input_MentorCapacity")]
    [InlineData("Input.MeetingWindows[0].Start", "25:00", "availability", "Input_MeetingWindows_0__Start")]
    [InlineData("Input.RequiredLanguages", "pt", "mentee", "Input_RequiredLanguages")]
    public async Task EditPage_WithAnErrorInALaterStep_OpensThatStepOnly_AndTheSummaryLinksToTheField(string name, string value, string step, string fieldId)
    {
        var member = await app.SignedInAsync("Page Later Error");
        var response = await member.Browser.PostAsync("/Profile/Edit", await Fields(member.Browser,
            ("Input.MeetingWindows[0].Day", "Monday"), ("Input.MeetingWindows[0].Start", "19:00"), ("Input.MeetingWindows[0].End", "22:00"), (name, value)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal([step], Steps(html).Where(s => s.Open).Select(s => s.Id));
        Assert.NotNull(Forms.FieldError(html, fieldId));
        Assert.Matches($"<a href=\"#{System.Text.RegularExpressions.Regex.Escape(fieldId)}\">", html);
        Assert.Contains($"step-needs-a-change\"><a href=\"#step-{step}\">", html, StringComparison.Ordinal);
    }

    private static List<(string Id, bool Open)> Steps(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<details id=\"step-([a-z]+)\" class=\"profile-step\"( open=\"open\")?")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Success)).ToList();

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    public async Task AMentorWhoDoesNotSayTheirHours_IsNeverShownAsGivingNoHours(string hours)
    {
        var member = await app.SignedInAsync("Page Editor");
        var response = await member.Browser.PostAsync("/Profile/Edit", await Fields(member.Browser,
            ("Input.MentorCapacity", "1"), ("Input.OpenToMentoring", "true"), ("Input.HoursPerMonth", hours)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var profile = await app.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.MemberId == member.Id));
        Assert.Null(profile.HoursPerMonth);

        var dashboard = await member.Browser.GetStringAsync("/Dashboard");
        Assert.Contains("You are open to mentoring up to 1 mentee.", dashboard, StringComparison.Ordinal);
        var other = await app.SignedInAsync("Curious Mentee");
        var page = await other.Browser.GetStringAsync($"/Members/{member.Id}");
        Assert.Contains("Can mentor up to 1 mentee.", page, StringComparison.Ordinal);
        foreach (var html in new[] { dashboard, page })
            Assert.DoesNotContain("0 hours", html, StringComparison.Ordinal);
        var edit = await member.Browser.GetStringAsync("/Profile/Edit");
        Assert.Matches("name=\"Input.HoursPerMonth\"[^>]*value=\"\"", edit);
    }

    [Fact]
    public async Task MemberPage_OfAMembersOnlyProfile_Is404ForAnonymousVisitors()
    {
        var member = await app.SignedInAsync("Private Person");
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/Members/{member.Id}")).StatusCode);
        var other = await app.SignedInAsync("Curious Member");
        var page = await other.Browser.GetStringAsync($"/Members/{member.Id}");
        Assert.Contains("Private Person", page, StringComparison.Ordinal);
    }

    private static async Task<List<KeyValuePair<string, string>>> Fields(HttpClient browser, params (string Name, string Value)[] overrides)
    {
        var html = await browser.GetStringAsync("/Profile/Edit");
        var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"Input.Version\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["Input.Version"] = version,
            ["Input.DisplayName"] = "Page Editor",
            ["Input.Headline"] = "Charge nurse, 10 years in A&E",
            ["Input.Field"] = "Nursing",
            ["Input.CurrentRole"] = "Charge nurse",
            ["Input.YearsOfExperience"] = "10",
            ["Input.Skills"] = "triage, rostering",
            ["Input.Interests"] = "choir",
            ["Input.Languages"] = "en, fr",
            ["Input.TimeZone"] = "Europe/London",
            ["Input.WorkdayStartHour"] = "8",
            ["Input.WorkdayEndHour"] = "16",
            ["Input.Visibility"] = "Members",
            ["Input.CareerHistory[0].Title"] = "Charge nurse",
            ["Input.CareerHistory[0].Organisation"] = "St Mary's",
            ["Input.CareerHistory[0].FromYear"] = "2018",
            ["Input.CareerHistory[1].Title"] = "",
            ["Input.CareerHistory[1].FromYear"] = "",
            ["Input.MenteeGoals"] = "Become a ward manager",
            ["Input.QualitiesSought"] = "", // blank optional boxes are fine
            ["Input.Bio"] = "",
            ["Input.MentorCapacity"] = "0",
            ["Input.HoursPerMonth"] = "3",
        };
        foreach (var (name, value) in overrides) fields[name] = value;
        var list = fields.ToList();
        list.Add(new("Input.FormatsOffered", "video"));
        list.Add(new("Input.FormatsOffered", "phone"));
        return list;
    }
}
