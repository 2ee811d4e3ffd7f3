using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Features.Blocking;
using Trellis.Web.Features.CheckIns;
using Trellis.Web.Features.Critiques;
using Trellis.Web.Features.Goals;
using Trellis.Web.Features.Meetings;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Features.Mentorships.Lifecycle;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Features.Resources;
using Trellis.Web.Features.Reviews;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Tests.Mentorships;
using Trellis.Web.Tests.Messages;
using Trellis.Web.Tests.Moderation;
using Trellis.Web.Tests.Reviews;

namespace Trellis.Web.Tests.Accounts;

/// <summary>Export and deletion of what a member has in the workspace features. Every text a member
/// writes carries its owner's marker (MENTEE-… or MENTOR-…) so the tests can look for it in the export.</summary>
public sealed class WorkspaceDataTests(KeepingApp app) : IClassFixture<KeepingApp>
{
    private sealed record Seeded(Person Mentor, Person Mentee, Guid Id, Guid MeetingId, Person Blocked);

    /// <summary>An active mentorship with data in every feature from both members; <paramref name="menteeEnds"/>
    /// decides who ends it (with a private reason and note) at the end.</summary>
    private async Task<Seeded> SeedAsync(string tag, bool menteeEnds)
    {
        var (mentor, mentee, id) = await app.ActiveAsync($"Mia {tag}", $"Max {tag}");
        var blocked = await app.MenteeAsync($"Bo {tag}");
        await app.ReviewDueAsync(id);
        Assert.True((await mentee.AnswerReviewAsync(id, KeepingBuilders.Answer(4, goingWell: "MENTEE-REVIEW-GOOD", shouldChange: "MENTEE-REVIEW-CHANGE"))).IsSuccessStatusCode);
        Assert.True((await mentor.AnswerReviewAsync(id, KeepingBuilders.Answer(2, goingWell: "MENTOR-REVIEW-SECRET", shouldChange: "MENTOR-REVIEW-SECRET"))).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Created, (await mentee.Api.PostAsJsonAsync($"/api/v1/mentorships/{id}/endorsement", new { text = "MENTEE-ENDORSEMENT of a patient mentor" })).StatusCode);
        await mentee.SentAsync(id, "MENTEE-MESSAGE hello");
        var deleted = await mentee.SentAsync(id, "MENTEE-DELETED-MESSAGE");
        Assert.True((await mentee.Api.DeleteAsync($"/api/v1/mentorships/{id}/messages/{deleted.MessageId()}")).IsSuccessStatusCode);
        var mentorMessage = await mentor.SentAsync(id, "MENTOR-MESSAGE hi");
        await ModerationApp.ReportAsync(mentee, ReportKind.Message, mentorMessage.MessageId(), "Spam", "MENTEE-REPORT-TEXT");
        var menteeMessageId = await app.WithDbAsync(db => db.Messages.Where(m => m.AuthorId == mentee.Id && m.DeletedAt == null).Select(m => m.Id).SingleAsync());
        await ModerationApp.ReportAsync(mentor, ReportKind.Message, menteeMessageId, "Spam", "MENTOR-REPORT-SECRET");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var asMentee = (await scope.ServiceProvider.GetRequiredService<MentorshipAccess>().FindAsync(mentee.Id, id, default))!;
        var now = DateTimeOffset.UtcNow;

        var meeting = new Meeting(id, mentee.Id, mentee.Id, now.AddDays(-7), "UTC", 60, MeetingMedium.Video, true, now.AddDays(-10));
        db.Meetings.Add(meeting);
        db.AgendaItems.Add(new AgendaItem(meeting.Id, mentee.Id, "MENTEE-AGENDA", now));
        db.MeetingNotes.Add(new MeetingNote(meeting.Id, mentee.Id, true, "MENTEE-PRIVATE-NOTE", now));
        db.MeetingNotes.Add(new MeetingNote(meeting.Id, mentor.Id, true, "MENTOR-PRIVATE-NOTE", now));
        db.ActionItems.Add(new ActionItem(meeting.Id, mentee.Id, mentee.Id, "MENTEE-ACTION", null, now));
        db.MeetingReminderPreferences.Add(new MeetingReminderPreference(mentee.Id, false, true));
        db.CalendarFeeds.Add(new CalendarFeed(mentee.Id, CalendarFeeds.Hash($"feed-token-of-{mentee.Id}"), now));

        var critique = new Critique(id, mentee.Id, "MENTEE-CRITIQUE", "MENTEE-FEEDBACK-WANTED", DateOnly.FromDateTime(now.UtcDateTime).AddDays(7), null,
            new CritiqueFile(Guid.NewGuid().ToString("N"), "my-draft.pdf", "application/pdf", 12345, new string('a', 64)), now);
        db.Set<Critique>().Add(critique);

        var reading = Resource.Article(id, mentor.Id, "https://example.org/article", "MENTOR-SHARED-ARTICLE", "read this", now);
        Assert.Null(reading.UpdateReading(byMentee: true, ReadingStatus.Done, "MENTEE-READING-REFLECTION", now));
        db.Set<Resource>().Add(reading);
        db.Set<Resource>().Add(Resource.Article(id, mentee.Id, "https://example.org/mine", "MENTEE-SHARED-ARTICLE", "MENTEE-RESOURCE-NOTE", now));

        db.CheckIns.Add(CheckIn.Raise(asMentee, "MENTEE-CHECKIN", CheckInUrgency.ThisWeek, now).Value!);

        var goal = Goal.Create(mentee.Id, new GoalInput("MENTEE-GOAL", "MENTEE-WHY", null, "MENTEE-OUTCOME"), DateOnly.FromDateTime(now.UtcDateTime), now).Value!;
        Assert.True(goal.AddMilestone("MENTEE-MILESTONE", null, now).IsSuccess);
        db.Goals.Add(goal);

        var mine = new Reflection(id, mentee.Id, now);
        mine.Write("MENTEE-LEARNED", "MENTEE-HELPED", now);
        var theirs = new Reflection(id, mentor.Id, now);
        theirs.Write("MENTOR-REFLECTION-SECRET", "MENTOR-REFLECTION-SECRET", now);
        db.Reflections.AddRange(mine, theirs);
        db.Blocks.Add(new Block(mentee.Id, blocked.Id, now));

        var mentorship = await db.Mentorships.SingleAsync(m => m.Id == id);
        var who = menteeEnds ? mentee : mentor;
        Assert.Null(mentorship.End(who.Id, now, EndReason.NoTime, menteeEnds ? "MENTEE-END-NOTE" : "MENTOR-END-NOTE-SECRET"));
        await db.SaveChangesAsync();
        return new Seeded(mentor, mentee, id, meeting.Id, blocked);
    }

    [Fact]
    public async Task Export_HoldsMyDataFromEveryFeature_AndNothingPrivateToTheOtherMember()
    {
        var s = await SeedAsync("Export", menteeEnds: false);

        var api = await s.Mentee.Api.GetFromJsonAsync<JsonObject>("/api/v1/me/export");
        var page = await s.Mentee.Member.Browser.GetFromJsonAsync<JsonObject>("/Settings/Export");
        foreach (var export in new[] { api!, page! })
        {
            var text = export.ToJsonString();
            var w = export["workspace"]!;
            foreach (var mine in new[]
            {
                "MENTEE-AGENDA", "MENTEE-PRIVATE-NOTE", "MENTEE-ACTION", "MENTEE-MESSAGE hello", "MENTEE-CRITIQUE", "MENTEE-FEEDBACK-WANTED",
                "my-draft.pdf", "MENTEE-READING-REFLECTION", "MENTOR-SHARED-ARTICLE", "MENTEE-RESOURCE-NOTE", "MENTEE-CHECKIN", "MENTEE-GOAL",
                "MENTEE-MILESTONE", "MENTEE-REVIEW-GOOD", "MENTEE-REVIEW-CHANGE", "MENTEE-ENDORSEMENT", "MENTEE-LEARNED", "MENTEE-HELPED",
                "MENTEE-REPORT-TEXT", "Bo Export",
            })
                Assert.Contains(mine, text, StringComparison.Ordinal);
            foreach (var theirs in new[]
            {
                "MENTOR-PRIVATE-NOTE", "MENTOR-REVIEW-SECRET", "MENTOR-END-NOTE-SECRET", "MENTOR-REFLECTION-SECRET", "MENTOR-REPORT-SECRET",
                "MENTOR-MESSAGE", "MENTEE-DELETED-MESSAGE", "sha256",
            })
                Assert.DoesNotContain(theirs, text, StringComparison.OrdinalIgnoreCase);

            var meeting = w["meetings"]!.AsArray().Single(m => (Guid)m!["id"]! == s.MeetingId)!;
            Assert.Equal("MENTEE-PRIVATE-NOTE", (string?)meeting["myNotes"]!.AsArray().Single()!["text"]);
            Assert.Equal(60, (int)meeting["minutes"]!);
            Assert.Equal(12345, (long)w["critiques"]![0]!["file"]!["size"]!);
            Assert.Equal(4, (int)w["reviewAnswers"]!.AsArray().Single()!["score"]!);
            Assert.Null(w["endings"]!.AsArray().Single()!["endedByMe"]);
            Assert.Single(w["reports"]!.AsArray());
            Assert.Equal(s.Blocked.Id, (Guid)w["blocked"]!.AsArray().Single()!["memberId"]!);
        }

        // The member who ended it finds the reason and note in theirs.
        var mentorExport = (await s.Mentor.Api.GetFromJsonAsync<JsonObject>("/api/v1/me/export"))!;
        Assert.Equal("MENTOR-END-NOTE-SECRET", (string?)mentorExport["workspace"]!["endings"]![0]!["endedByMe"]!["endNote"]);
        Assert.DoesNotContain("MENTEE-PRIVATE-NOTE", mentorExport.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("MENTEE-REVIEW-GOOD", mentorExport.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("MENTEE-LEARNED", mentorExport.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_ErasesPrivateNotes_ReviewText_EndNote_CalendarFeed_AndEndorsementsWritten_ButNotTheOtherMembers()
    {
        var s = await SeedAsync("Delete", menteeEnds: true);
        var me = s.Mentee.Id;

        var response = await s.Mentee.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = s.Mentee.Member.Password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        await app.WithDbAsync(async db =>
        {
            Assert.False(await db.MeetingNotes.AnyAsync(n => n.AuthorId == me));
            Assert.Equal("MENTOR-PRIVATE-NOTE", await db.MeetingNotes.Where(n => n.MeetingId == s.MeetingId).Select(n => n.Text).SingleAsync());
            var answers = await db.Set<ReviewAnswer>().AsNoTracking().Where(a => db.Reviews.Any(r => r.Id == a.ReviewId && r.MentorshipId == s.Id)).ToListAsync();
            var mentee = answers.Single(a => a.Party == Party.Mentee);
            Assert.Equal(("", "", 4), (mentee.GoingWell, mentee.ShouldChange, mentee.Score));
            Assert.Equal("MENTOR-REVIEW-SECRET", answers.Single(a => a.Party == Party.Mentor).GoingWell);
            var mentorship = await db.Mentorships.AsNoTracking().SingleAsync(m => m.Id == s.Id);
            Assert.Equal(("", EndReason.NoTime), (mentorship.EndNote, mentorship.EndReason));
            Assert.False(await db.CalendarFeeds.AnyAsync(f => f.MemberId == me));
            Assert.False(await db.MeetingReminderPreferences.AnyAsync(p => p.MemberId == me));
            Assert.False(await db.Endorsements.AnyAsync(e => e.MenteeId == me));
            Assert.False(await db.Reflections.AnyAsync(r => r.AuthorId == me));
            Assert.True(await db.Reflections.AnyAsync(r => r.AuthorId == s.Mentor.Id));
            Assert.False(await db.Blocks.AnyAsync(b => b.BlockerId == me));
            Assert.False(await db.Goals.AnyAsync(g => g.OwnerId == me));
            Assert.False(await db.Messages.AnyAsync(m => m.AuthorId == me && m.Body != ""));
            return true;
        });
        Assert.DoesNotContain("MENTEE-END-NOTE", (await s.Mentor.Api.GetStringAsync($"/api/v1/mentorships/{s.Id}")), StringComparison.Ordinal);
    }
}
