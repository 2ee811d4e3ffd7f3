using System.Security.Cryptography;
using System.Text;

namespace Trellis.Web.Features.Programmes.Enrolment;

/// <summary>
/// An e-mail invitation to enrol in one role. The link carries a random token; only its SHA-256 is stored, so
/// the table cannot be turned back into working links. It is accepted by the member whose confirmed e-mail is
/// the invited address, expires, and can be sent again (a new token, a new expiry; the old link stops working).
/// </summary>
public sealed class Invitation
{
    public const int EmailMax = 320;

    private Invitation() { }

    public Invitation(Guid programmeId, string email, ProgrammeRole role, int capacity, Guid invitedBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ProgrammeId = programmeId;
        Email = Normalise(email);
        Role = role;
        Capacity = capacity;
        InvitedBy = invitedBy;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public string Email { get; private set; } = "";
    public ProgrammeRole Role { get; private set; }

    /// <summary>Mentors: the capacity the import gave them (0 = the programme's default).</summary>
    public int Capacity { get; private set; }
    public Guid InvitedBy { get; private set; }

    /// <summary>Answers an import gave for this person; the enrolment form starts from them.</summary>
    public List<Answer> Answers { get; private set; } = [];
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? LastSentAt { get; private set; }
    public int SendCount { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public Guid? AcceptedBy { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsPending(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;

    public InvitationState StateAt(DateTimeOffset now) =>
        AcceptedAt is not null ? InvitationState.Accepted
        : RevokedAt is not null ? InvitationState.Revoked
        : ExpiresAt <= now ? InvitationState.Expired
        : InvitationState.Pending;

    /// <summary>A fresh token (returned once, for the e-mail) and a fresh expiry; a revoked invitation is sent again too.</summary>
    public string Send(TimeSpan validFor, DateTimeOffset at)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        TokenHash = Hash(token);
        ExpiresAt = at + validFor;
        LastSentAt = at;
        SendCount++;
        RevokedAt = null;
        return token;
    }

    public ProgrammeError? Revoke(DateTimeOffset at)
    {
        if (AcceptedAt is not null) return ProgrammeError.WrongState("This invitation has been accepted already.");
        RevokedAt ??= at;
        return null;
    }

    public ProgrammeError? Accept(Guid memberId, string memberEmail, DateTimeOffset at)
    {
        if (AcceptedAt is not null && AcceptedBy == memberId) return null;
        if (CanBeAcceptedBy(memberEmail, at) is { } refused) return refused;
        AcceptedAt = at;
        AcceptedBy = memberId;
        return null;
    }

    /// <summary>What accepting would say, without accepting (the invitation page asks before the form is filled in).</summary>
    public ProgrammeError? CanBeAcceptedBy(string memberEmail, DateTimeOffset at)
    {
        if (AcceptedAt is not null) return ProgrammeError.WrongState("This invitation has been used.");
        if (RevokedAt is not null) return ProgrammeError.WrongState("This invitation was withdrawn by the programme.");
        if (ExpiresAt <= at) return ProgrammeError.WrongState("This invitation has expired. Ask the programme's coordinators to send it again.");
        if (Normalise(memberEmail) != Email)
            return ProgrammeError.Conflict($"This invitation was sent to {Mask(Email)}. Sign in with that address to accept it.");
        return null;
    }

    /// <summary>An import names the person again: what it says now is what their form starts from.</summary>
    public void Prepare(IReadOnlyList<Answer> answers, int capacity)
    {
        if (answers.Count > 0) Answers = [.. answers];
        if (capacity > 0) Capacity = capacity;
    }

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>"jane@example.org" → "j***@example.org": enough to recognise one's own address, not to learn someone's.</summary>
    public static string Mask(string email)
    {
        var at = email.IndexOf('@');
        return at <= 1 ? "***" + email[Math.Max(0, at)..] : email[0] + "***" + email[at..];
    }
}

public enum InvitationState
{
    Pending,
    Accepted,
    Expired,
    Revoked,
}
