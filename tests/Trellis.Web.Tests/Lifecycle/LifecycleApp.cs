using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Lifecycle;

/// <summary>The app with its scheduler and matching worker off: tests run the lifecycle job with their own clock.</summary>
public sealed class LifecycleApp : TrellisApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:Run"] = "false",
        ["Matching:RunWorker"] = "false",
    };
}

public sealed record Pair(Person Mentor, Person Mentee, Guid Id);

public static class LifecycleBuilders
{
    /// <summary>A mentor and a mentee with an active mentorship (the agreement starts in a week, for 12 months).</summary>
    public static async Task<Pair> ActivePairAsync(this TrellisApp app, string mentor, string mentee)
    {
        var pair = await app.RequestAsync(mentor, mentee);
        var accepted = await pair.Mentor.AcceptAsync(pair.Id, 1);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        return pair;
    }

    /// <summary>A mentor and a mentee with a request waiting for the mentor's answer.</summary>
    public static async Task<Pair> RequestAsync(this TrellisApp app, string mentor, string mentee)
    {
        var maria = await app.MentorAsync(mentor);
        var tom = await app.MenteeAsync(mentee);
        return new Pair(maria, tom, (await tom.ProposeAsync(maria)).Id());
    }

    public static Task<HttpResponseMessage> PostAsync(this Person who, string path, object? body = null) =>
        body is null ? who.Api.PostAsync(path, null) : who.Api.PostAsJsonAsync(path, body);

    public static async Task<JsonObject> LifecycleAsync(this Person who, Guid id) =>
        (await who.Api.GetFromJsonAsync<JsonObject>($"/api/v1/mentorships/{id}/lifecycle"))!;

    public static Task<MentorshipStatus> StatusAsync(this TrellisApp app, Guid id) =>
        app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == id).Select(m => m.Status).SingleAsync());

    /// <summary>The mentor's ActiveMentees and the mentee's ActiveMentors.</summary>
    public static async Task<(int Mentees, int Mentors)> SlotsAsync(this TrellisApp app, Pair pair) =>
        (await app.WithDbAsync(db => db.Profiles.Where(p => p.MemberId == pair.Mentor.Id).Select(p => p.ActiveMentees).SingleAsync()),
         await app.WithDbAsync(db => db.Profiles.Where(p => p.MemberId == pair.Mentee.Id).Select(p => p.ActiveMentors).SingleAsync()));

    /// <summary>Everything a move could change, to show that a refused one changed nothing.</summary>
    public static Task<string> RowAsync(this TrellisApp app, Guid id) => app.WithDbAsync(async db =>
    {
        var m = await db.Mentorships.AsNoTracking().SingleAsync(x => x.Id == id);
        var timeline = await db.TimelineEntries.CountAsync(t => t.MentorshipId == id);
        var notifications = await db.Notifications.CountAsync(n => n.MemberId == m.MenteeId || n.MemberId == m.MentorId);
        var reflections = await db.Reflections.CountAsync(r => r.MentorshipId == id);
        var slots = await db.Profiles.Where(p => p.MemberId == m.MenteeId || p.MemberId == m.MentorId).SumAsync(p => p.ActiveMentees * 100 + p.ActiveMentors);
        return $"{m.Status} {m.Version} {m.ResumeOn} {m.CompletionProposedBy} {m.ExtendedMonths} {m.EndReason} {m.EndNote} timeline={timeline} notifications={notifications} reflections={reflections} slots={slots}";
    });
}
