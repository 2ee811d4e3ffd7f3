using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Features.Admin;
using Trellis.Web.Features.FindMentor;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Moderation;

/// <summary>
/// The app with a stand-in for the Messages feature's report target (that feature lives in another
/// branch): messages the tests put here can be reported, read by administrators and hidden, like real ones.
/// The mentor index is synced by the tests themselves.
/// </summary>
public sealed class ModerationApp : TrellisApp
{
    public TestMessages Messages { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Matching:RunWorker"] = "false" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            // The stand-in replaces the Messages feature's own target, so these tests decide what a message says.
            services.RemoveAll<IReportTarget>(d => d.ImplementationType == typeof(Trellis.Web.Features.Messages.MessageReportTarget));
            services.AddScoped<IReportTarget>(_ => Messages);
        });
    }

    /// <summary>A member made administrator by the admin command, then signed in afresh (roles travel in the sign-in).</summary>
    public async Task<Person> AdminAsync(string name = "Alex Admin")
    {
        var member = await this.SignedInAsync(name);
        var output = new StringWriter();
        Assert.Equal(0, await AdministratorsCommand.RunAsync(Services, ["grant", member.Email], output, output, default));
        var browser = Browser();
        await browser.SignInAsync(member.Email, member.Password);
        return new Person(member with { Browser = browser }, await this.ApiAsync(member));
    }

    /// <summary>A request the mentee sent to the mentor (with the agreement's personal note and commitments).</summary>
    public async Task<(Person Mentee, Person Mentor, Guid MentorshipId)> RequestAsync(Action<JsonObject>? change = null)
    {
        var mentor = await this.MentorAsync();
        var mentee = await this.MenteeAsync();
        var id = (await mentee.ProposeAsync(mentor, change)).Id();
        return (mentee, mentor, id);
    }

    public static async Task<JsonObject> ReportAsync(Person who, ReportKind kind, Guid itemId, string reason = "Harassment", string? text = null)
    {
        var response = await FileAsync(who, new JsonObject { ["kind"] = kind.ToString(), ["itemId"] = itemId, ["reason"] = reason, ["text"] = text });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>What every node's mentor index does every few seconds (the worker is off here).</summary>
    public Task SyncMentorsAsync() => Services.GetRequiredService<MentorDirectory>().SyncAsync(default);

    public static async Task<List<Guid>> MentorIdsAsync(Person who)
    {
        var json = await who.Api.GetFromJsonAsync<JsonObject>("/api/v1/mentors?pageSize=100");
        return json!["results"]!.AsArray().Select(r => r!["mentorId"]!.GetValue<Guid>()).ToList();
    }

    public static Task<HttpResponseMessage> FileAsync(Person who, JsonObject body) => who.Api.PostAsJsonAsync("/api/v1/reports", body);
}

/// <summary>Messages in a mentorship, visible to its two members, as the Messages feature's target would answer.</summary>
public sealed class TestMessages : IReportTarget
{
    public sealed record Message(Guid Id, Guid AuthorId, Guid[] Members, string Text, DateTimeOffset At);

    private readonly ConcurrentDictionary<Guid, Message> _messages = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _hidden = new();

    public ReportKind Kind => ReportKind.Message;

    public Guid Add(Guid authorId, Guid otherMemberId, string text)
    {
        var message = new Message(Guid.NewGuid(), authorId, [authorId, otherMemberId], text, DateTimeOffset.UtcNow);
        _messages[message.Id] = message;
        return message.Id;
    }

    public bool IsHidden(Guid id) => _hidden.ContainsKey(id);

    public Task<ReportedContent?> FindAsync(Guid itemId, Guid? viewer, CancellationToken ct) =>
        Task.FromResult(_messages.TryGetValue(itemId, out var m) && (viewer is null || m.Members.Contains(viewer.Value))
            ? new ReportedContent(Kind, m.Id, m.AuthorId, m.Text, m.At, IsHidden(m.Id))
            : null);

    public Task<bool> HideAsync(Guid itemId, DateTimeOffset at, CancellationToken ct)
    {
        if (!_messages.ContainsKey(itemId)) return Task.FromResult(false);
        _hidden.TryAdd(itemId, at);
        return Task.FromResult(true);
    }
}

internal static class ServiceCollectionRemoval
{
    public static void RemoveAll<T>(this IServiceCollection services, Func<ServiceDescriptor, bool> match)
    {
        foreach (var d in services.Where(d => d.ServiceType == typeof(T) && match(d)).ToList()) services.Remove(d);
    }
}
