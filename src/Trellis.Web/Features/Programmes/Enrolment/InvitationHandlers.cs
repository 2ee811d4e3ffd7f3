using Microsoft.EntityFrameworkCore;
using MimeKit;
using Trellis.Web.Infrastructure;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Email;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Enrolment;

/// <summary>Invitations by e-mail: sent through the outbox in the same transaction, expiring, sent again on request.</summary>
public sealed class InvitationHandlers(TrellisDbContext db, ProgrammeAccess access, SiteLinks links, TimeProvider time,
    IConfiguration configuration)
{
    public const int MaxPerRequest = 500;
    private static readonly NotFoundError NoSuchProgramme = new("No such programme.");

    public TimeSpan ValidFor => TimeSpan.FromDays(configuration.GetValue("Programmes:InvitationDays", 14));

    public async Task<Result<InviteResult>> InviteAsync(Guid me, Guid id, InviteRequest request, CancellationToken ct)
    {
        var programme = await access.FindAsync(me, id, ct);
        if (programme is null) return NoSuchProgramme;
        var errors = new Dictionary<string, string[]>();
        if (request.Role is not { } role || !Enum.IsDefined(role)) errors["role"] = ["Choose Mentee or Mentor."];
        var emails = Split(request.Emails);
        if (emails.Count == 0) errors["emails"] = ["Give at least one e-mail address."];
        else if (emails.Count > MaxPerRequest) errors["emails"] = [$"At most {MaxPerRequest} at once; import a CSV file for more."];
        else if (emails.FirstOrDefault(e => !IsEmail(e)) is { } bad) errors["emails"] = [$"“{bad}” is not an e-mail address."];
        if (programme.IsArchived || programme.Status == ProgrammeStatus.Closed) errors["role"] = ["The programme has closed."];
        if (errors.Count > 0) return new Invalid(errors);

        var r = request.Role!.Value;
        var existing = await db.Invitations.Where(i => i.ProgrammeId == id && i.Role == r && emails.Contains(i.Email)).ToListAsync(ct);
        var enrolled = await db.Participants.Where(x => x.ProgrammeId == id && x.Role == r && Participant.ActiveStatuses.Contains(x.Status))
            .Join(db.Users, x => x.MemberId, u => u.Id, (x, u) => u.NormalizedEmail)
            .Where(e => emails.Select(x => x.ToUpperInvariant()).Contains(e!))
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        int invited = 0, already = 0;
        foreach (var email in emails)
        {
            if (enrolled.Contains(email.ToUpperInvariant())) continue;
            var invitation = existing.SingleOrDefault(i => i.Email == email);
            if (invitation?.IsPending(now) == true || invitation?.AcceptedAt is not null)
            {
                already++;
                continue;
            }
            invitation ??= db.Invitations.Add(new Invitation(id, email, r, 0, me, now)).Entity;
            Send(programme, invitation, now);
            invited++;
        }
        await db.SaveChangesAsync(ct);
        return new InviteResult(invited, already, enrolled.Count);
    }

    /// <summary>Adds the e-mail to the caller's DbContext: it leaves with the invitation's own save, or not at all.</summary>
    internal void Send(Programme programme, Invitation invitation, DateTimeOffset now, string name = "")
    {
        var token = invitation.Send(ValidFor, now);
        var link = links.Absolute($"/Programmes/Invitations/{token}");
        db.OutboxMessages.Add(OutboxMessage.Email(invitation.Email,
            Emails.ProgrammeInvitation(name, programme.Name, programme.WordFor(invitation.Role), link, invitation.ExpiresAt), now));
    }

    public async Task<Result<InvitationView>> ResendAsync(Guid me, Guid id, Guid invitationId, CancellationToken ct)
    {
        var programme = await access.FindAsync(me, id, ct);
        if (programme is null) return NoSuchProgramme;
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.ProgrammeId == id && i.Id == invitationId, ct);
        if (invitation is null) return new NotFoundError("No such invitation.");
        if (invitation.AcceptedAt is not null) return new ConflictError("This invitation has been accepted already.");
        var now = time.GetUtcNow();
        Send(programme, invitation, now);
        await db.SaveChangesAsync(ct);
        return View(invitation, now);
    }

    public async Task<Result<InvitationView>> RevokeAsync(Guid me, Guid id, Guid invitationId, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.ProgrammeId == id && i.Id == invitationId, ct);
        if (invitation is null) return new NotFoundError("No such invitation.");
        var now = time.GetUtcNow();
        if (invitation.Revoke(now) is { } refused) return refused.ToError();
        await db.SaveChangesAsync(ct);
        return View(invitation, now);
    }

    public async Task<Result<IReadOnlyList<InvitationView>>> ListAsync(Guid me, Guid id, int page, int pageSize, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        if (page < 1) return new Invalid("page", "Must be at least 1.");
        if (pageSize is < 1 or > ParticipantHandlers.MaxPageSize) return new Invalid("pageSize", $"Must be between 1 and {ParticipantHandlers.MaxPageSize}.");
        var now = time.GetUtcNow();
        var rows = await db.Invitations.AsNoTracking().Where(i => i.ProgrammeId == id)
            .OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return rows.Select(i => View(i, now)).ToList();
    }

    /// <summary>A member opens the link in their invitation: where it leads, or why it no longer works.</summary>
    public async Task<Result<(string Slug, ProgrammeRole Role, string Name)>> OpenAsync(Guid me, string token, CancellationToken ct)
    {
        var hash = Invitation.Hash(token);
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null) return new NotFoundError("This invitation link does not work: it may have been sent again since. Use the newest e-mail.");
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == invitation.ProgrammeId, ct);
        var email = await db.Users.Where(u => u.Id == me).Select(u => u.Email ?? "").SingleAsync(ct);
        var now = time.GetUtcNow();
        if (invitation.AcceptedBy == me) return (programme.Slug, invitation.Role, programme.Name);
        // The same checks acceptance makes, without accepting: the enrolment form accepts it.
        var check = invitation.CanBeAcceptedBy(email, now);
        if (check is not null) return new ConflictError(check.Detail);
        if (programme.IsArchived || programme.Status == ProgrammeStatus.Closed) return new ConflictError("The programme has closed.");
        return (programme.Slug, invitation.Role, programme.Name);
    }

    internal static InvitationView View(Invitation i, DateTimeOffset now) =>
        new(i.Id, i.Email, i.Role, i.StateAt(now), i.ExpiresAt, i.LastSentAt, i.SendCount, i.AcceptedAt);

    public static List<string> Split(IEnumerable<string>? emails) => (emails ?? [])
        .SelectMany(e => (e ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        .Select(Invitation.Normalise).Where(e => e.Length > 0).Distinct().ToList();

    public static bool IsEmail(string email) =>
        email.Length <= Invitation.EmailMax && MailboxAddress.TryParse(email, out var box) && box.Address == email
        && email.IndexOf('@') is > 0 and var at && email.IndexOf('.', at) > at + 1;
}
