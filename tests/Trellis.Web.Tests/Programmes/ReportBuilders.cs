using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Programmes;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Programmes;

/// <summary>
/// A programme's people and pairs written straight into the database through the entities' own moves (accept, complete,
/// end), so a report test can hold dozens of people whose true figures it knows without signing each one in.
/// </summary>
public sealed class ReportSeed(TrellisApp app, Guid programmeId)
{
    private readonly List<object> _rows = [];
    private int _n;

    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    public Guid Member()
    {
        var id = Guid.CreateVersion7();
        var email = $"seeded-{id:N}@example.org";
        _rows.Add(new Member
        {
            Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), DisplayName = $"Seeded {++_n}", CreatedAt = Now, EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        });
        return id;
    }

    public Guid Participant(ProgrammeRole role, ParticipantStatus status, int capacity = 2, Guid? member = null,
        DateTimeOffset? at = null)
    {
        var id = member ?? Member();
        var p = new Participant(programmeId, id, role, ParticipantSource.Self, at ?? Now.AddDays(-60));
        if (status != ParticipantStatus.Incomplete) p.Fill([], capacity, complete: true, at ?? Now.AddDays(-60));
        if (status == ParticipantStatus.Left) Assert.Null(p.Leave(Now.AddDays(-30)));
        if (status == ParticipantStatus.Removed) Assert.Null(p.Remove(Now.AddDays(-30)));
        _rows.Add(p);
        return id;
    }

    /// <summary>A pair that started <paramref name="daysAgo"/> days ago (both accepted), a match of the programme or,
    /// when not <paramref name="inProgramme"/>, a request the mentor accepted outside it.</summary>
    public Mentorship Pair(Guid mentee, Guid mentor, int daysAgo = 50, bool inProgramme = true, bool start = true)
    {
        var at = Now.AddDays(-daysAgo);
        var terms = AgreementTemplates.Find(AgreementTemplates.StructuredProgramme).Build(DateOnly.FromDateTime(at.UtcDateTime));
        var deadline = new Deadline(at.AddDays(14), at.AddDays(7));
        var m = inProgramme
            ? Mentorship.OfferMatch(mentee, mentor, terms, at, deadline, programmeId)
            : Mentorship.Propose(mentee, mentor, terms, at, deadline);
        if (start && inProgramme) Assert.Null(m.Accept(mentee, 1, at));
        if (start) Assert.Null(m.Accept(mentor, 1, at));
        _rows.Add(m);
        return m;
    }

    public void Completed(Guid mentee, Guid mentor, int daysAgo = 50)
    {
        var m = Pair(mentee, mentor, daysAgo);
        Assert.Null(m.Complete(mentee, Now.AddDays(-daysAgo + 20)));
        Assert.Null(m.Complete(mentor, Now.AddDays(-daysAgo + 20)));
    }

    public void Ended(Guid mentee, Guid mentor, EndReason? reason, int daysAgo = 50) =>
        Assert.Null(Pair(mentee, mentor, daysAgo).End(mentee, Now.AddDays(-daysAgo + 10), reason, "PRIVATE-END-NOTE"));

    public void Add(object row) => _rows.Add(row);

    public async Task SaveAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        // Members first: everything else points at them.
        db.AddRange(_rows.OfType<Member>());
        await db.SaveChangesAsync();
        db.AddRange(_rows.Where(r => r is not Trellis.Web.Features.Accounts.Member));
        await db.SaveChangesAsync();
        _rows.Clear();
    }
}

public static class ReportReading
{
    public static async Task<JsonObject> ReportsAsync(this TestProgramme programme, Person? who = null) =>
        (await (who ?? programme.Owner).Api.GetFromJsonAsync<JsonObject>($"{programme.Api}/reports"))!;

    public static JsonObject Report(this JsonObject view, string key) =>
        view["reports"]!.AsArray().Single(r => (string)r!["key"]! == key)!.AsObject();

    /// <summary>The text a cell shows, by its row's label and its column's header.</summary>
    public static string Text(this JsonObject report, string row, string column) => Cell(report, row, column)["text"]!.GetValue<string>();

    public static JsonObject Cell(this JsonObject report, string row, string column)
    {
        var c = report["columns"]!.AsArray().Select(x => (string)x!).ToList().IndexOf(column);
        Assert.True(c >= 0, $"no column {column} in {report["key"]}");
        var r = report["rows"]!.AsArray().SingleOrDefault(x => (string)x!["label"]! == row);
        Assert.True(r is not null, $"no row {row} in {report["key"]}");
        return r!["cells"]![c]!.AsObject();
    }

    /// <summary>Every row as "label: text | text …", to assert a whole table at once.</summary>
    public static string[] Lines(this JsonObject report) =>
        [.. report["rows"]!.AsArray().Select(r => $"{(string)r!["label"]!}: " +
            string.Join(" | ", r["cells"]!.AsArray().Select(c => (string)c!["text"]!)))];
}
