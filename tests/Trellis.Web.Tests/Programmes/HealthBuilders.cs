using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Programmes.Health;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Programmes;

/// <summary>The app with the Quartz scheduler off: nothing but the test moves a pair's health.</summary>
public sealed class HealthApp : TrellisApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:Run"] = "false", ["Matching:RunWorker"] = "false" };
}

public sealed record ProgrammePair(Person Mentor, Person Mentee, Guid Id);

/// <summary>Pairs of a programme matched by hand, and the health services on a fake clock.</summary>
public static class HealthBuilders
{
    public static async Task<TestProgramme> ByHandAsync(this TrellisApp app, string name)
    {
        var programme = await app.EnrollingAsync(kind: "Evergreen", name: name);
        await programme.SetModeAsync("ByHand");
        return programme;
    }

    /// <summary>An approved draft: a proposal from the programme waiting for the mentor's answer.</summary>
    public static async Task<ProgrammePair> ProposedPairAsync(this TrellisApp app, TestProgramme programme, string who)
    {
        var mentee = await app.MenteeAsync($"Tom {who}");
        var mentor = await app.MentorAsync($"Maria {who}");
        await mentee.EnrolledAsync(programme, "Mentee");
        await mentor.EnrolledAsync(programme, "Mentor");
        var draft = (await (await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/drafts", new { menteeId = mentee.Id, mentorId = mentor.Id }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        (await programme.Owner.Api.PostAsJsonAsync($"{programme.Api}/drafts/{draft["id"]}/approve", new { version = draft["version"] })).EnsureSuccessStatusCode();
        var id = await app.WithDbAsync(db => db.Mentorships.Where(m => m.MenteeId == mentee.Id).Select(m => m.Id).SingleAsync());
        return new ProgrammePair(mentor, mentee, id);
    }

    public static async Task<ProgrammePair> RunningPairAsync(this TrellisApp app, TestProgramme programme, string who)
    {
        var pair = await app.ProposedPairAsync(programme, who);
        (await pair.Mentor.AcceptAsync(pair.Id, 1)).EnsureSuccessStatusCode();
        return pair;
    }

    /// <summary>The pair's signals as <see cref="PairHealth"/> sees them at <paramref name="now"/>.</summary>
    public static async Task<List<string>> SignalsAtAsync(this TrellisApp app, TestProgramme programme, Guid pair, DateTimeOffset now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var health = new PairHealth(sp.GetRequiredService<TrellisDbContext>(), sp.GetServices<IPairSignal>(), new FakeTimeProvider(now));
        var all = await health.SignalsAsync(programme.Id, HealthRules.Default, default);
        return all.TryGetValue(pair, out var signals) ? signals : [];
    }

    public static async Task<Trellis.Web.Domain.Result<NudgeSent>> NudgeAtAsync(this TrellisApp app, TestProgramme programme, Guid pair, DateTimeOffset now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var nudges = new PairNudges(sp.GetRequiredService<TrellisDbContext>(), sp.GetRequiredService<Features.Programmes.ProgrammeAccess>(),
            sp.GetRequiredService<Notifier>(), new FakeTimeProvider(now));
        return await nudges.NudgeAsync(programme.Owner.Id, programme.Id, pair, default);
    }

    public static Task<int> NudgeNotificationsAsync(this TrellisApp app, Guid memberId) =>
        app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MemberId == memberId && n.Kind == NotificationKind.Programme
                                                               && n.Title.Contains("how is your mentorship with")));
}
