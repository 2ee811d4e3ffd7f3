using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Critiques;
using Trellis.Web.Features.Goals;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Resources;
using Trellis.Web.Features.Reviews;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Accounts;

/// <summary>
/// The export's workspace part, one section per feature. The rule throughout: what the member wrote or
/// owns, plus what both members of a mentorship share and see (meeting times, check-ins, a critique's
/// answer); never what is private to the other member (their private notes, review answers, end reason,
/// reflections) and never who reported or blocked this member.
/// </summary>
public sealed record WorkspaceSections(
    IReadOnlyList<object> Meetings,
    IReadOnlyList<object> Messages,
    IReadOnlyList<object> Critiques,
    IReadOnlyList<object> Resources,
    IReadOnlyList<object> CheckIns,
    IReadOnlyList<object> Goals,
    IReadOnlyList<object> NotesOnOtherMembersGoals,
    IReadOnlyList<object> ReviewAnswers,
    IReadOnlyList<object> Endorsements,
    IReadOnlyList<object> Endings,
    IReadOnlyList<object> Blocked,
    IReadOnlyList<object> Reports);

internal sealed class WorkspaceExport(TrellisDbContext db, Guid me)
{
    private IQueryable<Mentorship> Mine => db.Mentorships.Where(m => m.MenteeId == me || m.MentorId == me);

    public async Task<WorkspaceSections> ExportAsync(CancellationToken ct) => new(
        await MeetingsAsync(ct),
        await MessagesAsync(ct),
        await CritiquesAsync(ct),
        await ResourcesAsync(ct),
        await CheckInsAsync(ct),
        await GoalsAsync(ct),
        await NotesOnOtherMembersGoalsAsync(ct),
        await ReviewAnswersAsync(ct),
        await EndorsementsAsync(ct),
        await EndingsAsync(ct),
        await BlockedAsync(ct),
        await ReportsAsync(ct));

    /// <summary>Meetings of my mentorships; the agenda items, notes (mine only, private or shared) and action items I wrote or own.</summary>
    private async Task<IReadOnlyList<object>> MeetingsAsync(CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking().Where(x => Mine.Any(m => m.Id == x.MentorshipId))
            .OrderBy(x => x.StartsAt).ToListAsync(ct);
        var agenda = await db.AgendaItems.AsNoTracking().Where(a => a.AuthorId == me).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var notes = await db.MeetingNotes.AsNoTracking().Where(n => n.AuthorId == me).OrderBy(n => n.CreatedAt).ToListAsync(ct);
        var actions = await db.ActionItems.AsNoTracking().Where(a => a.CreatedById == me || a.OwnerId == me).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        return meetings.Select(x => (object)new
        {
            x.Id, x.MentorshipId, x.StartsAt, x.EndsAt, x.TimeZone, x.Minutes, x.Medium, x.Status, x.CreatedAt,
            CancellationNote = x.CancelledById == me ? x.CancellationNote : null,
            MyAgendaItems = agenda.Where(a => a.MeetingId == x.Id).Select(a => new { a.Text, a.CreatedAt }).ToList(),
            MyNotes = notes.Where(n => n.MeetingId == x.Id).Select(n => new { n.Private, n.Text, n.CreatedAt, n.UpdatedAt }).ToList(),
            ActionItems = actions.Where(a => a.MeetingId == x.Id)
                .Select(a => new { a.Text, a.DueOn, a.DoneAt, WrittenByMe = a.CreatedById == me, OwnedByMe = a.OwnerId == me }).ToList(),
        }).ToList();
    }

    /// <summary>Messages I wrote and did not delete (a moderator-hidden one is still mine, marked so).</summary>
    private async Task<IReadOnlyList<object>> MessagesAsync(CancellationToken ct) =>
        await db.Messages.AsNoTracking().Where(m => m.AuthorId == me && m.DeletedAt == null)
            .OrderBy(m => m.CreatedAt)
            .Select(m => (object)new { m.MentorshipId, m.Number, m.Body, m.CreatedAt, m.EditedAt, Hidden = m.HiddenAt != null })
            .ToListAsync(ct);

    /// <summary>Critiques I asked for or answered, with my replies; the file by name, size and type only.</summary>
    private async Task<IReadOnlyList<object>> CritiquesAsync(CancellationToken ct)
    {
        var critiques = await db.Set<Critique>().AsNoTracking().Include(c => c.Replies)
            .Where(c => c.MenteeId == me || c.AnsweredBy == me || c.Replies.Any(r => r.AuthorId == me))
            .OrderBy(c => c.CreatedAt).ToListAsync(ct);
        return critiques.Select(c => (object)new
        {
            c.Id, c.MentorshipId, AskedByMe = c.MenteeId == me, c.Title, c.FeedbackWanted, c.DueDate, c.Link,
            File = c.File is { } f ? new { f.Name, f.ContentType, f.Size } : null,
            c.FileRemovedAt, c.Status, c.Answer, AnsweredByMe = c.AnsweredBy == me, c.AnsweredAt, c.CreatedAt, c.ClosedAt,
            MyReplies = c.Replies.Where(r => r.AuthorId == me).OrderBy(r => r.CreatedAt).Select(r => new { r.Text, r.CreatedAt }).ToList(),
        }).ToList();
    }

    /// <summary>Resources I shared, and my reading list (resources shared with me as a mentee) with my reflections.</summary>
    private async Task<IReadOnlyList<object>> ResourcesAsync(CancellationToken ct) =>
        await db.Set<Resource>().AsNoTracking()
            .Where(r => r.SharedBy == me || db.Mentorships.Any(m => m.Id == r.MentorshipId && m.MenteeId == me))
            .OrderBy(r => r.SharedAt)
            .Select(r => (object)new
            {
                r.Id, r.MentorshipId, SharedByMe = r.SharedBy == me, r.Kind, r.Title, r.Url, r.Author, r.Isbn,
                Note = r.SharedBy == me ? r.Note : null, r.SharedAt, r.Status, r.Reflection, r.UpdatedAt,
            })
            .ToListAsync(ct);

    /// <summary>Check-ins of my mentorships: the question (the mentee's) and the answer (the mentor's) belong together.</summary>
    private async Task<IReadOnlyList<object>> CheckInsAsync(CancellationToken ct) =>
        await db.CheckIns.AsNoTracking().Where(c => Mine.Any(m => m.Id == c.MentorshipId))
            .OrderBy(c => c.CreatedAt)
            .Select(c => (object)new { c.Id, c.MentorshipId, c.Text, c.Urgency, c.Status, c.CreatedAt, c.AnswerDueAt, c.Answer, c.AnsweredAt, c.ResolvedAt })
            .ToListAsync(ct);

    /// <summary>Goals I own with their milestones, notes (mine and my mentors') and the mentorships they are shared with.</summary>
    private async Task<IReadOnlyList<object>> GoalsAsync(CancellationToken ct)
    {
        var goals = await db.Goals.AsNoTracking().Include(g => g.Milestones).Include(g => g.Notes).Include(g => g.Links)
            .Where(g => g.OwnerId == me).OrderBy(g => g.CreatedAt).AsSplitQuery().ToListAsync(ct);
        return goals.Select(g => (object)new
        {
            g.Id, g.Title, g.WhyItMatters, g.TargetDate, g.MeasurableOutcome, g.CreatedAt, g.UpdatedAt,
            Milestones = g.Milestones.OrderBy(m => m.Position).Select(m => new { m.Title, m.DueDate, m.Done, m.DoneAt }).ToList(),
            Notes = g.Notes.OrderBy(n => n.At).Select(n => new { WrittenByMe = n.AuthorId == me, n.MentorshipId, n.Text, n.At }).ToList(),
            SharedWith = g.Links.Select(l => new { l.MentorshipId, l.LinkedAt }).ToList(),
        }).ToList();
    }

    /// <summary>Notes I wrote on a mentee's goal.</summary>
    private async Task<IReadOnlyList<object>> NotesOnOtherMembersGoalsAsync(CancellationToken ct) =>
        await (
                from n in db.Set<GoalNote>().AsNoTracking()
                join g in db.Goals on n.GoalId equals g.Id
                where n.AuthorId == me && g.OwnerId != me
                orderby n.At
                select (object)new { n.GoalId, GoalTitle = g.Title, n.MentorshipId, n.Text, n.At })
            .ToListAsync(ct);

    /// <summary>My own answers to health checks; the other member's answers stay private to them.</summary>
    private async Task<IReadOnlyList<object>> ReviewAnswersAsync(CancellationToken ct) =>
        await (
                from a in db.Set<ReviewAnswer>().AsNoTracking()
                join r in db.Reviews on a.ReviewId equals r.Id
                join m in db.Mentorships on r.MentorshipId equals m.Id
                where (a.Party == Party.Mentee && m.MenteeId == me) || (a.Party == Party.Mentor && m.MentorId == me)
                orderby a.AnsweredAt
                select (object)new { r.MentorshipId, ReviewDueAt = r.DueAt, a.Party, a.Score, a.GoingWell, a.ShouldChange, a.Direction, a.WantsRevision, a.AnsweredAt })
            .ToListAsync(ct);

    /// <summary>Endorsements I wrote (as a mentee) or received (as a mentor).</summary>
    private async Task<IReadOnlyList<object>> EndorsementsAsync(CancellationToken ct) =>
        await db.Endorsements.AsNoTracking().Where(e => e.MenteeId == me || e.MentorId == me)
            .OrderBy(e => e.WrittenAt)
            .Select(e => (object)new { e.MentorshipId, WrittenByMe = e.MenteeId == me, e.Text, e.WrittenAt, e.PublishedAt, Hidden = e.HiddenAt != null })
            .ToListAsync(ct);

    /// <summary>How my mentorships ended, as far as it is mine: the reason and note if I ended it, my reflection.</summary>
    private async Task<IReadOnlyList<object>> EndingsAsync(CancellationToken ct)
    {
        var ended = await Mine.AsNoTracking()
            .Where(m => (m.ClosedBy == Party.Mentee && m.MenteeId == me) || (m.ClosedBy == Party.Mentor && m.MentorId == me))
            .Select(m => new { m.Id, m.Status, m.ClosedAt, m.EndReason, m.EndNote })
            .ToListAsync(ct);
        var reflections = await db.Reflections.AsNoTracking().Where(r => r.AuthorId == me)
            .Select(r => new { r.MentorshipId, r.Learned, r.HelpedMost, r.CreatedAt, r.UpdatedAt })
            .ToListAsync(ct);
        return ended.Select(m => m.Id).Union(reflections.Select(r => r.MentorshipId)).Select(id => (object)new
        {
            MentorshipId = id,
            EndedByMe = ended.SingleOrDefault(m => m.Id == id) is { } e ? new { e.Status, e.ClosedAt, e.EndReason, e.EndNote } : null,
            MyReflection = reflections.SingleOrDefault(r => r.MentorshipId == id),
        }).ToList();
    }

    /// <summary>Members I blocked (never who blocked me).</summary>
    private async Task<IReadOnlyList<object>> BlockedAsync(CancellationToken ct) =>
        await db.Blocks.AsNoTracking().Where(b => b.BlockerId == me)
            .OrderBy(b => b.CreatedAt)
            .Select(b => (object)new { MemberId = b.BlockedId, db.Users.Single(u => u.Id == b.BlockedId).DisplayName, b.CreatedAt })
            .ToListAsync(ct);

    /// <summary>Reports I filed, with what became of them (never reports about me, nor who filed them).</summary>
    private async Task<IReadOnlyList<object>> ReportsAsync(CancellationToken ct) =>
        await db.Reports.AsNoTracking().Where(r => r.ReporterId == me)
            .OrderBy(r => r.FiledAt)
            .Select(r => (object)new { r.Kind, r.ItemId, r.Reason, r.Text, r.FiledAt, r.Status, r.ClosedAt })
            .ToListAsync(ct);
}
