using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Email;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes;

public sealed record WindDownRequest(Guid? Version, int? NoticeDays);

/// <summary>What winding down did: the programme (now closed), how many running pairs end, and on which day.</summary>
public sealed record WindDownView(ProgrammeView Programme, int PairsEnding, DateOnly EndsOn);

/// <summary>
/// Winding down a running programme: it closes (no enrolment, no new pairs), and every running pair made in it ends
/// after a notice period (<c>Programmes:WindDownNoticeDays</c>, 14, unless the coordinator gives another, 1–90):
/// both members are told at once, by notification and by e-mail through the outbox, in the same transaction; on the
/// day the lifecycle job completes the pair, as it does at any planned end. Nothing inside the pair is read.
/// </summary>
public sealed class WindingDown(TrellisDbContext db, ProgrammeAccess access, Notifier notifier, SiteLinks links,
    IConfiguration configuration, TimeProvider time)
{
    public const int MaxNoticeDays = 90;

    public int DefaultNoticeDays => configuration.GetValue("Programmes:WindDownNoticeDays", 14);

    public async Task<Result<WindDownView>> WindDownAsync(Guid me, Guid id, WindDownRequest request, CancellationToken ct)
    {
        var programme = await access.FindAsync(me, id, ct, tracking: true);
        if (programme is null) return ProgrammeHandlers.NoSuchProgramme; // membership first: an outsider learns nothing from a 400
        var days = request.NoticeDays ?? DefaultNoticeDays;
        var errors = new Dictionary<string, string[]>();
        if (request.Version is null) errors["version"] = ["Send the version you are acting on."];
        if (days is < 1 or > MaxNoticeDays) errors["noticeDays"] = [$"Give between 1 and {MaxNoticeDays} days of notice."];
        if (errors.Count > 0) return new Invalid(errors);
        if (programme.Version != request.Version) return ProgrammeHandlers.Stale;

        var now = time.GetUtcNow();
        db.Entry(programme).Property(p => p.Version).OriginalValue = request.Version!.Value;
        if (programme.WindDown(now) is { } refused) return refused.ToError();

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var endsOn = today.AddDays(days);
        var pairs = await db.Mentorships.Include(m => m.Versions)
            .Where(m => m.ProgrammeId == id && (m.Status == MentorshipStatus.Active || m.Status == MentorshipStatus.Paused))
            .ToListAsync(ct);
        var memberIds = pairs.SelectMany(m => new[] { m.MenteeId, m.MentorId }).Distinct().ToList();
        var members = await db.Users.Where(u => memberIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, ct);
        foreach (var m in pairs)
        {
            if (m.EndWithProgramme(endsOn, today, now) is not null) continue;
            var link = MentorshipHandlers.Link(m);
            var body = $"{programme.Name} is winding down. Your mentorship ends on {m.PlannedEnd:d MMMM yyyy}; until then " +
                       "everything goes on as before. What you wrote in it stays yours and your partner's.";
            db.AddTimeline(m.Id, now, null, "status", $"{programme.Name} is winding down: this mentorship ends on {m.PlannedEnd:d MMMM yyyy}.", link);
            foreach (var (member, other) in new[] { (m.MenteeId, m.MentorId), (m.MentorId, m.MenteeId) })
            {
                var title = $"{programme.Name} is ending: your mentorship with {members[other].DisplayName}";
                // The notice goes by e-mail whatever the member's e-mail settings: it ends a relationship.
                await notifier.PublishAsync(member, NotificationKind.MentorshipChanged, title, body, link, ct, email: false);
                if (members[member].Email is { Length: > 0 } email)
                    db.OutboxMessages.Add(OutboxMessage.Email(email, Emails.Notification(members[member].DisplayName, title, body, links.Absolute(link),
                        new EmailFooter("notices that end a mentorship", links.Absolute("/Settings/Notifications"))), now));
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The programme, or one of its pairs (a member acting at that moment), changed since it was read.
            return ProgrammeHandlers.Stale;
        }
        return new WindDownView(ProgrammeView.From(programme, await access.IsOwnerAsync(me, programme.Id, ct)), pairs.Count, endsOn);
    }
}
