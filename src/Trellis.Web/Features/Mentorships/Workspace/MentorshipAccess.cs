using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships.Agreements;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Mentorships.Workspace;

/// <summary>
/// What a workspace feature (meetings, messages, critiques, resources, check-ins, goals, reviews) knows
/// about the mentorship it works in and the member asking. Only the two members ever get one.
/// </summary>
public sealed record MentorshipMembership(
    Guid MentorshipId, Guid Me, Party MyRole, Guid MenteeId, string MenteeName, Guid MentorId, string MentorName,
    MentorshipStatus Status, Agreement? InForce, DateTimeOffset? ActivatedAt)
    : IBindableFromHttpContext<MentorshipMembership>
{
    /// <summary>An endpoint parameter: what <see cref="MembershipGate"/> found for this request.</summary>
    public static ValueTask<MentorshipMembership?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<MentorshipMembership?>(context.Features.Get<MentorshipMembership>()
            ?? throw new InvalidOperationException(
                $"{parameter.Member.Name} takes a membership, but its route group does not RequireMembership()."));

    public Guid OtherId => MyRole == Party.Mentee ? MentorId : MenteeId;
    public string OtherName => MyRole == Party.Mentee ? MentorName : MenteeName;
    public string MyName => MyRole == Party.Mentee ? MenteeName : MentorName;
    public bool IsMentee => MyRole == Party.Mentee;
    public bool IsMentor => MyRole == Party.Mentor;

    /// <summary>Active: everything can be added. Paused: reading and tidying only.</summary>
    public bool IsActive => Status == MentorshipStatus.Active;

    /// <summary>Has been active at some point, so it has a workspace to show (read-only once closed).</summary>
    public bool HasWorkspace => InForce is not null;

    /// <summary>The typed error for "this needs an active mentorship".</summary>
    public Error? RequireActive(string doing) => IsActive ? null
        : new ConflictError($"This mentorship is {Mentorship.Describe(Status)}; you can't {doing} now.");
}

/// <summary>The one way a workspace feature finds a mentorship: by id and by membership at once, so a
/// third member gets exactly what a wrong id gets (null → 404).</summary>
public sealed class MentorshipAccess(TrellisDbContext db)
{
    public async Task<MentorshipMembership?> FindAsync(Guid me, Guid mentorshipId, CancellationToken ct)
    {
        var row = await db.Mentorships.AsNoTracking()
            .Where(m => m.Id == mentorshipId && (m.MenteeId == me || m.MentorId == me))
            .Select(m => new
            {
                m.Id, m.MenteeId, m.MentorId, m.Status, m.AcceptedVersion, m.ActivatedAt,
                MenteeName = db.Users.Where(u => u.Id == m.MenteeId).Select(u => u.DisplayName).First(),
                MentorName = db.Users.Where(u => u.Id == m.MentorId).Select(u => u.DisplayName).First(),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        Agreement? inForce = null;
        if (row.AcceptedVersion is { } n)
            inForce = (await db.AgreementVersions.AsNoTracking().SingleAsync(v => v.MentorshipId == row.Id && v.Number == n, ct)).Terms;
        return new MentorshipMembership(row.Id, me, row.MenteeId == me ? Party.Mentee : Party.Mentor, row.MenteeId, row.MenteeName,
            row.MentorId, row.MentorName, row.Status, inForce, row.ActivatedAt);
    }

    /// <summary>The ids of every mentorship the member is in, for "across all my relationships" lists.</summary>
    public IQueryable<Guid> IdsOf(Guid me) => db.Mentorships.Where(m => m.MenteeId == me || m.MentorId == me).Select(m => m.Id);
}
