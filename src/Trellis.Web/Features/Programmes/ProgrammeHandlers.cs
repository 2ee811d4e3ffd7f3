using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes;

/// <summary>Creating programmes and changing their settings, state and coordinators; shared by the API, the
/// pages and the <c>programme</c> command. Every query goes through <see cref="ProgrammeAccess"/>.</summary>
public sealed class ProgrammeHandlers(TrellisDbContext db, ProgrammeAccess access, Notifier notifier, TimeProvider time)
{
    internal static readonly NotFoundError NoSuchProgramme = new("No such programme.");

    /// <summary>A site administrator (or the command line) creates a programme; the named member owns it.</summary>
    public async Task<Result<ProgrammeView>> CreateAsync(CreateProgrammeInput input, CancellationToken ct)
    {
        var errors = input.Validate();
        var owner = string.IsNullOrWhiteSpace(input.OwnerEmail) ? null : await MemberByEmailAsync(input.OwnerEmail, ct);
        if (!errors.ContainsKey("ownerEmail") && owner is null)
            errors["ownerEmail"] = ["No member with a confirmed account has this e-mail address."];
        var slug = input.Slug?.Trim().ToLowerInvariant() ?? "";
        if (!errors.ContainsKey("slug") && await db.Programmes.AnyAsync(p => p.Slug == slug, ct))
            errors["slug"] = [$"Another programme already has the address “{slug}”."];
        if (errors.Count > 0) return new Invalid(errors);

        var now = time.GetUtcNow();
        var programme = new Programme(slug, input.Name!.Trim(), input.Kind!.Value, now);
        db.Programmes.Add(programme);
        db.ProgrammeCoordinators.Add(new ProgrammeCoordinator(programme.Id, owner!.Value, isOwner: true, now));
        await notifier.PublishAsync(owner.Value, NotificationKind.Programme, $"You coordinate {programme.Name}",
            "A site administrator created the programme and made you its owner. Set it up, then open enrolment.",
            ManageLink(programme), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on the address: the same address chosen twice at once.
            return new Invalid("slug", $"Another programme already has the address “{slug}”.");
        }
        return ProgrammeView.From(programme, owner: true);
    }

    /// <summary>Every programme, for site administrators: names and states only.</summary>
    public async Task<IReadOnlyList<ProgrammeSummary>> ListAllAsync(CancellationToken ct) =>
        await Summaries(db.Programmes).ToListAsync(ct);

    public async Task<IReadOnlyList<ProgrammeSummary>> ListCoordinatedAsync(Guid me, CancellationToken ct) =>
        await Summaries(access.Coordinated(me)).ToListAsync(ct);

    private IQueryable<ProgrammeSummary> Summaries(IQueryable<Programme> programmes) => programmes
        .OrderBy(p => p.ArchivedAt != null).ThenByDescending(p => p.CreatedAt)
        .Select(p => new ProgrammeSummary(p.Id, p.Slug, p.Name, p.Kind, p.Status, p.ArchivedAt != null,
            db.ProgrammeCoordinators.Count(c => c.ProgrammeId == p.Id)));

    public async Task<Result<ProgrammeView>> GetAsync(Guid me, Guid id, CancellationToken ct)
    {
        var programme = await access.FindAsync(me, id, ct);
        if (programme is null) return NoSuchProgramme;
        return ProgrammeView.From(programme, await access.IsOwnerAsync(me, id, ct));
    }

    public Task<Result<ProgrammeView>> UpdateDetailsAsync(Guid me, Guid id, ProgrammeDetailsInput input, CancellationToken ct) =>
        ChangeAsync(me, id, input.Version, input.Validate(), p =>
        {
            // A cohort that has opened keeps its dates sane: enrolment cannot be removed from under people.
            if (p.Status != ProgrammeStatus.Draft && p.Kind != input.Kind)
                return ProgrammeError.Invalid("kind", "The kind can only change while the programme is a draft.");
            p.Describe(input.ToDetails(), time.GetUtcNow());
            return null;
        }, ct);

    public Task<Result<ProgrammeView>> UpdateEnrolmentAsync(Guid me, Guid id, EnrolmentSettingsInput input, CancellationToken ct) =>
        ChangeAsync(me, id, input.Version, input.Validate(), p =>
        {
            p.SetEnrolment(input.Rules(ProgrammeRole.Mentee), input.Rules(ProgrammeRole.Mentor),
                input.DefaultMentorCapacity!.Value, time.GetUtcNow());
            return null;
        }, ct);

    public Task<Result<ProgrammeView>> UpdateMatchingAsync(Guid me, Guid id, MatchingSettingsInput input, CancellationToken ct) =>
        ChangeAsync(me, id, input.Version, input.Validate(), p =>
        {
            p.SetMatching(input.ToSettings(), time.GetUtcNow());
            return null;
        }, ct);

    public Task<Result<ProgrammeView>> MoveAsync(Guid me, Guid id, MoveRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.To is null) errors["to"] = ["Name the state to move to."];
        else if (!Enum.IsDefined(request.To.Value)) errors["to"] = [$"Must be one of: {string.Join(", ", Enum.GetNames<ProgrammeStatus>())}."];
        if (request.Version is null) errors["version"] = ["Send the version you are acting on."];
        return ChangeAsync(me, id, request.Version, errors, p => p.MoveTo(request.To!.Value, time.GetUtcNow()), ct);
    }

    public Task<Result<ProgrammeView>> ArchiveAsync(Guid me, Guid id, Guid? version, CancellationToken ct) =>
        ChangeAsync(me, id, version, version is null ? new() { ["version"] = ["Send the version you are acting on."] } : [],
            p => p.Archive(time.GetUtcNow()), ct);

    private async Task<Result<ProgrammeView>> ChangeAsync(Guid me, Guid id, Guid? version, Dictionary<string, string[]> errors,
        Func<Programme, ProgrammeError?> change, CancellationToken ct)
    {
        var programme = await access.FindAsync(me, id, ct, tracking: true);
        if (programme is null) return NoSuchProgramme; // membership first: an outsider learns nothing from a 400
        if (errors.Count > 0) return new Invalid(errors);
        if (programme.Version != version) return Stale;
        if (programme.IsArchived) return new ConflictError("This programme is archived; it can no longer change.");
        db.Entry(programme).Property(p => p.Version).OriginalValue = version!.Value;
        if (change(programme) is { } refused) return refused.ToError();
        return await SaveAsync(programme, me, ct);
    }

    internal static ConflictError Stale => new(
        "Another coordinator changed this programme since you opened it. Reload to see their changes, then try again.");

    private async Task<Result<ProgrammeView>> SaveAsync(Programme programme, Guid me, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
        return ProgrammeView.From(programme, await access.IsOwnerAsync(me, programme.Id, ct));
    }

    // ── Coordinators ───────────────────────────────────────────────────────────────────────────────────

    public async Task<Result<IReadOnlyList<CoordinatorView>>> CoordinatorsAsync(Guid me, Guid id, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        return await CoordinatorList(id).ToListAsync(ct);
    }

    public async Task<Result<IReadOnlyList<CoordinatorView>>> AddCoordinatorAsync(Guid me, Guid id, CoordinatorRequest request,
        CancellationToken ct)
    {
        var programme = await access.FindAsync(me, id, ct);
        if (programme is null) return NoSuchProgramme;
        if (string.IsNullOrWhiteSpace(request.Email)) return new Invalid("email", "This field is required.");
        if (!await access.IsOwnerAsync(me, id, ct)) return new ForbiddenError("Only the programme's owner adds coordinators.");
        var member = await MemberByEmailAsync(request.Email, ct);
        if (member is null) return new Invalid("email", "No member with a confirmed account has this e-mail address.");
        if (await db.ProgrammeCoordinators.AnyAsync(c => c.ProgrammeId == id && c.MemberId == member, ct))
            return new ConflictError("They coordinate this programme already.");
        db.ProgrammeCoordinators.Add(new ProgrammeCoordinator(id, member.Value, isOwner: false, time.GetUtcNow()));
        await notifier.PublishAsync(member.Value, NotificationKind.Programme, $"You coordinate {programme.Name}",
            "The programme's owner added you as a coordinator.", ManageLink(programme), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new ConflictError("They coordinate this programme already.");
        }
        return await CoordinatorList(id).ToListAsync(ct);
    }

    public async Task<Result<IReadOnlyList<CoordinatorView>>> RemoveCoordinatorAsync(Guid me, Guid id, Guid memberId,
        CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        if (!await access.IsOwnerAsync(me, id, ct)) return new ForbiddenError("Only the programme's owner removes coordinators.");
        var coordinator = await db.ProgrammeCoordinators.SingleOrDefaultAsync(c => c.ProgrammeId == id && c.MemberId == memberId, ct);
        if (coordinator is null) return new NotFoundError("They do not coordinate this programme.");
        if (coordinator.IsOwner && !await db.ProgrammeCoordinators.AnyAsync(c => c.ProgrammeId == id && c.IsOwner && c.MemberId != memberId, ct))
            return new ConflictError("A programme always has an owner: make another coordinator an owner first.");
        db.ProgrammeCoordinators.Remove(coordinator);
        await db.SaveChangesAsync(ct);
        return await CoordinatorList(id).ToListAsync(ct);
    }

    public async Task<Result<IReadOnlyList<CoordinatorView>>> MakeOwnerAsync(Guid me, Guid id, Guid memberId, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return NoSuchProgramme;
        if (!await access.IsOwnerAsync(me, id, ct)) return new ForbiddenError("Only an owner makes others owners.");
        var coordinator = await db.ProgrammeCoordinators.SingleOrDefaultAsync(c => c.ProgrammeId == id && c.MemberId == memberId, ct);
        if (coordinator is null) return new NotFoundError("They do not coordinate this programme.");
        coordinator.MakeOwner();
        await db.SaveChangesAsync(ct);
        return await CoordinatorList(id).ToListAsync(ct);
    }

    private IQueryable<CoordinatorView> CoordinatorList(Guid id) => db.ProgrammeCoordinators.Where(c => c.ProgrammeId == id)
        .Join(db.Users, c => c.MemberId, u => u.Id, (c, u) => new { c, u })
        .OrderByDescending(x => x.c.IsOwner).ThenBy(x => x.u.DisplayName)
        .Select(x => new CoordinatorView(x.c.MemberId, x.u.DisplayName, x.u.Email ?? "", x.c.IsOwner, x.c.AddedAt));

    private async Task<Guid?> MemberByEmailAsync(string email, CancellationToken ct)
    {
        var normalised = email.Trim().ToUpperInvariant();
        return await db.Users.Where(u => u.NormalizedEmail == normalised && u.EmailConfirmed && u.DeletedAt == null
                && u.SuspendedAt == null)
            .Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
    }

    public static string ManageLink(Programme p) => $"/Programmes/{p.Slug}/Manage";
}
