using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Resources;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Files;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Critiques;

/// <summary>
/// Work for critique, shared by the API and the pages. Every call starts from
/// <see cref="MentorshipAccess.FindAsync"/>, so only the two members find anything; a critique is then
/// looked up by its id *and* that mentorship's id, so another mentorship's critique id finds nothing.
/// </summary>
public sealed class CritiqueHandlers(
    TrellisDbContext db, TimeProvider time, MentorshipAccess access, MentorshipHandlers mentorships, Notifier notifier,
    IFileStore files, IOptions<FileStoreOptions> fileOptions, ILogger<CritiqueHandlers> log)
{
    private static string PagePath(Guid mentorshipId, Guid id) => $"/Mentorships/{mentorshipId}/Critiques/{id}";
    public static string DownloadPath(Guid mentorshipId, Guid id) => $"/api/v1/mentorships/{mentorshipId}/critiques/{id}/file";

    public async Task<Result<IReadOnlyList<CritiqueSummary>>> ListAsync(Guid me, Guid mentorshipId, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is null) return new NotFoundError("No such mentorship.");
        var today = await mentorships.TodayForAsync(me, ct);
        var rows = await db.Set<Critique>().AsNoTracking().Where(c => c.MentorshipId == mentorshipId)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => new { c.Id, c.Title, c.Status, c.DueDate, HasFile = c.File != null, c.Link, c.CreatedAt, c.AnsweredAt, Replies = c.Replies.Count })
            .ToListAsync(ct);
        return rows.Select(c => new CritiqueSummary(c.Id, c.Title, c.Status, c.DueDate, c.Status == CritiqueStatus.Open && c.DueDate < today,
            c.HasFile, c.Link is not null, c.CreatedAt, c.AnsweredAt, c.Replies)).ToList();
    }

    public async Task<Result<CritiqueView>> GetAsync(Guid me, Guid mentorshipId, Guid id, CancellationToken ct)
    {
        var membership = await access.FindAsync(me, mentorshipId, ct);
        if (membership is null) return new NotFoundError("No such mentorship.");
        var critique = await db.Set<Critique>().AsNoTracking().Include(c => c.Replies)
            .SingleOrDefaultAsync(c => c.Id == id && c.MentorshipId == mentorshipId, ct);
        if (critique is null) return new NotFoundError("No such request for critique.");
        return await ViewAsync(membership, critique, ct);
    }

    public async Task<Result<CritiqueView>> SubmitAsync(Guid me, Guid mentorshipId, SubmitCritique input, CancellationToken ct)
    {
        var membership = await access.FindAsync(me, mentorshipId, ct);
        if (membership is null) return new NotFoundError("No such mentorship.");
        if (!membership.IsMentee) return new ConflictError("Only the mentee sends work for critique.");
        if (membership.RequireActive("send work for critique") is { } inactive) return inactive;

        var errors = new Dictionary<string, string[]>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) errors["title"] = ["Give the work a title."];
        else if (title.Length > Critique.TitleMax) errors["title"] = [$"A title can be at most {Critique.TitleMax} characters."];
        var feedback = input.FeedbackWanted?.Trim() ?? "";
        if (feedback.Length == 0) errors["feedbackWanted"] = ["Say what feedback you would like."];
        else if (feedback.Length > Critique.FeedbackMax) errors["feedbackWanted"] = [$"This can be at most {Critique.FeedbackMax} characters."];
        var due = default(DateOnly);
        if (string.IsNullOrWhiteSpace(input.DueDate)) errors["dueDate"] = ["Say by when you would like the critique."];
        else if (!DateOnly.TryParseExact(input.DueDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out due))
            errors["dueDate"] = ["Enter a date like 2026-03-31."];
        else if (due < await mentorships.TodayForAsync(me, ct)) errors["dueDate"] = ["This date is in the past."];

        string? link = null;
        FileKind? kind = null;
        var hasLink = !string.IsNullOrWhiteSpace(input.Link);
        if (hasLink && input.File is not null) errors["link"] = ["Send either a link or a file, not both."];
        else if (!hasLink && input.File is null) errors["file"] = ["Add a link to the work or upload a file."];
        else if (hasLink)
        {
            (link, var linkError) = WebLink.Check(input.Link);
            if (linkError is not null) errors["link"] = [linkError];
        }
        else if (CheckFile(input.File!, out kind) is { } fileError) errors["file"] = [fileError];
        if (errors.Count > 0) return new Invalid(errors);

        var now = time.GetUtcNow();
        CritiqueFile? stored = null;
        if (input.File is { } upload)
        {
            var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(upload.Content, ct));
            upload.Content.Position = 0;
            var key = await files.SaveAsync(upload.Content, ct);
            stored = new CritiqueFile(key, FileNames.Sanitise(upload.FileName, kind!), kind!.ContentType, upload.Length, sha);
        }

        var critique = new Critique(mentorshipId, me, title, feedback, due, link, stored, now);
        db.Add(critique);
        db.AddTimeline(mentorshipId, now, me, "critique", $"{membership.MyName} sent work for critique.", PagePath(mentorshipId, critique.Id));
        await notifier.PublishAsync(membership.MentorId, NotificationKind.CritiqueRequested, $"{membership.MyName} sent work for your critique",
            $"{membership.MyName} would like your critique by {due:d MMMM yyyy}.", PagePath(mentorshipId, critique.Id), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // Nothing refers to the file if the row was not written; the orphan sweep is the fallback if this fails too.
            if (stored is not null) await DeleteQuietlyAsync([stored.Key], CancellationToken.None);
            throw;
        }
        return await ViewAsync(membership, critique, ct);
    }

    /// <summary>Null when the upload is acceptable (size, and a content we recognise that its name does not contradict).</summary>
    private string? CheckFile(WorkFile file, out FileKind? kind)
    {
        kind = null;
        var max = fileOptions.Value;
        if (file.Length > max.MaxBytes) return $"The file is larger than {max.Describe()}.";
        if (file.Length == 0) return "The file is empty.";
        kind = FileSniffer.Sniff(file.Content, file.FileName);
        if (kind is null) return $"This file's content is not one Trellis accepts ({FileSniffer.Accepted}).";
        if (FileNames.ExtensionContradicts(file.FileName, kind))
            return $"The file's name ends in {Path.GetExtension(file.FileName)} but its content is a {kind.Name}. Rename it or send the right file.";
        return null;
    }

    public Task<Result<CritiqueView>> AnswerAsync(Guid me, Guid mentorshipId, Guid id, CritiqueText input, CancellationToken ct) =>
        ChangeAsync(me, mentorshipId, id, "answer a critique", input, async (m, c, text, now) =>
        {
            if (c.Give(me, m.IsMentor, text!, now) is { } refused) return refused;
            db.AddTimeline(mentorshipId, now, me, "critique", $"{m.MyName} answered a request for critique.", PagePath(mentorshipId, id));
            await notifier.PublishAsync(m.MenteeId, NotificationKind.CritiqueAnswered, $"{m.MyName} answered your request for critique",
                "Your critique is ready to read.", PagePath(mentorshipId, id), ct);
            return null;
        }, ct);

    public Task<Result<CritiqueView>> ReplyAsync(Guid me, Guid mentorshipId, Guid id, CritiqueText input, CancellationToken ct) =>
        ChangeAsync(me, mentorshipId, id, "reply", input, async (m, c, text, now) =>
        {
            if (c.Reply(me, text!, now) is { } refused) return refused;
            await notifier.PublishAsync(m.OtherId, m.IsMentee ? NotificationKind.CritiqueRequested : NotificationKind.CritiqueAnswered,
                $"{m.MyName} replied about a piece of work", "There is a new reply under a request for critique.", PagePath(mentorshipId, id), ct);
            return null;
        }, ct);

    public Task<Result<CritiqueView>> CloseAsync(Guid me, Guid mentorshipId, Guid id, CancellationToken ct) =>
        ChangeAsync(me, mentorshipId, id, null, null, (m, c, _, now) =>
        {
            if (c.Close(me, now) is { } refused) return Task.FromResult<Error?>(refused);
            db.AddTimeline(mentorshipId, now, me, "critique", $"{m.MyName} closed a request for critique.", PagePath(mentorshipId, id));
            return Task.FromResult<Error?>(null);
        }, ct);

    public Task<Result<CritiqueView>> ReopenAsync(Guid me, Guid mentorshipId, Guid id, CancellationToken ct) =>
        ChangeAsync(me, mentorshipId, id, null, null, (m, c, _, now) =>
        {
            if (c.Reopen(me) is { } refused) return Task.FromResult<Error?>(refused);
            db.AddTimeline(mentorshipId, now, me, "critique", $"{m.MyName} reopened a request for critique.", PagePath(mentorshipId, id));
            return Task.FromResult<Error?>(null);
        }, ct);

    /// <param name="doing">What needs an active mentorship ("reply"); null for tidying (close, reopen), allowed while paused.</param>
    private async Task<Result<CritiqueView>> ChangeAsync(Guid me, Guid mentorshipId, Guid id, string? doing, CritiqueText? input,
        Func<MentorshipMembership, Critique, string?, DateTimeOffset, Task<Error?>> change, CancellationToken ct)
    {
        var membership = await access.FindAsync(me, mentorshipId, ct);
        if (membership is null) return new NotFoundError("No such mentorship.");
        var critique = await db.Set<Critique>().Include(c => c.Replies).SingleOrDefaultAsync(c => c.Id == id && c.MentorshipId == mentorshipId, ct);
        if (critique is null) return new NotFoundError("No such request for critique.");
        if (doing is not null && membership.RequireActive(doing) is { } inactive) return inactive;
        string? text = null;
        if (input is not null)
        {
            text = input.Text?.Trim() ?? "";
            if (text.Length == 0) return new Invalid("text", "Write something first.");
            if (text.Length > Critique.TextMax) return new Invalid("text", $"This can be at most {Critique.TextMax:N0} characters.");
        }
        if (await change(membership, critique, text, time.GetUtcNow()) is { } refused) return refused;
        if (await db.SaveOrConflictAsync("Someone acted on this request at the same moment. Reload it to see what changed.", ct) is { } conflict) return conflict;
        return await ViewAsync(membership, critique, ct);
    }

    /// <summary>The mentee deletes their request; its file is removed once the deletion has committed.</summary>
    public async Task<Result<bool>> DeleteAsync(Guid me, Guid mentorshipId, Guid id, CancellationToken ct)
    {
        var membership = await access.FindAsync(me, mentorshipId, ct);
        if (membership is null) return new NotFoundError("No such mentorship.");
        var critique = await db.Set<Critique>().SingleOrDefaultAsync(c => c.Id == id && c.MentorshipId == mentorshipId, ct);
        if (critique is null) return new NotFoundError("No such request for critique.");
        if (critique.MenteeId != me) return new ConflictError("Only the mentee who sent the work deletes it.");
        var key = critique.File?.Key;
        db.Remove(critique);
        db.AddTimeline(mentorshipId, time.GetUtcNow(), me, "critique", $"{membership.MyName} deleted a request for critique.");
        await db.SaveChangesAsync(ct);
        if (key is not null) await DeleteQuietlyAsync([key], ct);
        return true;
    }

    /// <summary>The file to download, only for the two members.</summary>
    public async Task<Result<(CritiqueFile File, Stream Content)>> OpenFileAsync(Guid me, Guid mentorshipId, Guid id, CancellationToken ct)
    {
        if (await access.FindAsync(me, mentorshipId, ct) is null) return new NotFoundError("No such mentorship.");
        var file = await db.Set<Critique>().AsNoTracking().Where(c => c.Id == id && c.MentorshipId == mentorshipId).Select(c => c.File).SingleOrDefaultAsync(ct);
        if (file is null) return new NotFoundError("This request has no file.");
        var content = await files.OpenReadAsync(file.Key, ct);
        if (content is null) return new NotFoundError("This file is no longer stored.");
        return (file, content);
    }

    /// <summary>
    /// For account deletion, inside its transaction: forgets the files the member uploaded (the rows keep
    /// the critique and its replies, which are both members' history) and returns their keys, to delete
    /// once the transaction has committed (<see cref="DeleteQuietlyAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> DetachFilesOfAsync(Guid memberId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var withFiles = await db.Set<Critique>().Where(c => c.MenteeId == memberId && c.File != null).ToListAsync(ct);
        return withFiles.Select(c => c.DetachFile(now)).OfType<string>().ToList();
    }

    /// <summary>Deletes stored files after the change that unlinked them committed. A failure is logged and
    /// left to <see cref="OrphanFileSweep"/>, which removes any file no row refers to.</summary>
    public async Task DeleteQuietlyAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        foreach (var key in keys)
        {
            try
            {
                await files.DeleteAsync(key, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.LogWarning(e, "Could not delete stored file {FileKey}; the orphan sweep will retry", key);
            }
        }
    }

    /// <summary>For the dashboard: open requests waiting for my critique (as mentor), and answered ones waiting for me to read and close (as mentee).</summary>
    public async Task<IReadOnlyList<CritiqueWaiting>> WaitingOnAsync(Guid me, CancellationToken ct)
    {
        var today = await mentorships.TodayForAsync(me, ct);
        var rows = await (
            from c in db.Set<Critique>().AsNoTracking()
            join m in db.Mentorships on c.MentorshipId equals m.Id
            where (m.MentorId == me && c.Status == CritiqueStatus.Open) || (m.MenteeId == me && c.Status == CritiqueStatus.Answered)
            where m.Status == MentorshipStatus.Active || m.Status == MentorshipStatus.Paused
            orderby c.DueDate
            select new
            {
                c.MentorshipId, c.Id, c.Title, c.DueDate, c.Status, IAmMentor = m.MentorId == me,
                OtherName = db.Users.Where(u => u.Id == (m.MentorId == me ? m.MenteeId : m.MentorId)).Select(u => u.DisplayName).First(),
            }).Take(20).ToListAsync(ct);
        return rows.Select(r => new CritiqueWaiting(r.MentorshipId, r.Id, r.Title, r.OtherName, r.IAmMentor, r.DueDate,
            r.Status == CritiqueStatus.Open && r.DueDate < today, r.Status)).ToList();
    }

    private async Task<CritiqueView> ViewAsync(MentorshipMembership m, Critique c, CancellationToken ct)
    {
        var authorIds = c.Replies.Select(r => r.AuthorId).Distinct().ToList();
        var names = await db.Users.Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var today = await mentorships.TodayForAsync(m.Me, ct);
        return new CritiqueView(c.Id, c.MentorshipId, c.Title, c.FeedbackWanted, c.DueDate, c.IsOverdue(today), c.Status, c.Link,
            c.File is { } f ? new CritiqueFileView(f.Name, f.ContentType, f.Size, f.Sha256, DownloadPath(c.MentorshipId, c.Id)) : null, c.FileRemovedAt,
            m.MenteeName, m.MentorName, c.Answer, c.AnsweredAt,
            c.Replies.OrderBy(r => r.CreatedAt).Select(r => new CritiqueReplyView(r.Id, r.AuthorId, names.GetValueOrDefault(r.AuthorId, "Former member"), r.Text, r.CreatedAt)).ToList(),
            c.CreatedAt, c.ClosedAt);
    }
}
