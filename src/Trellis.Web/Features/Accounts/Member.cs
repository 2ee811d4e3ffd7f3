using Microsoft.AspNetCore.Identity;

namespace Trellis.Web.Features.Accounts;

/// <summary>A person with an account. One account can be mentee, mentor, or both (see Profile).</summary>
public sealed class Member : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;
    public const string DeletedDisplayName = "Former member";

    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the account is deleted: the row stays so that another member's relationship
    /// history keeps pointing somewhere, but everything personal is gone.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    /// <summary>Set by an administrator (Features/Moderation): the account cannot sign in, and a new security
    /// stamp ends every bearer token at once (browser sessions are revoked by the caller).</summary>
    public DateTimeOffset? SuspendedAt { get; private set; }

    public bool IsSuspended => SuspendedAt is not null;

    public void Suspend(DateTimeOffset at)
    {
        SuspendedAt = at;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public void Unsuspend() => SuspendedAt = null;

    public void Anonymise(DateTimeOffset at)
    {
        DeletedAt = at;
        DisplayName = DeletedDisplayName;
        var placeholder = $"deleted-{Id:N}@deleted.invalid";
        UserName = placeholder;
        NormalizedUserName = placeholder.ToUpperInvariant();
        Email = placeholder;
        NormalizedEmail = placeholder.ToUpperInvariant();
        EmailConfirmed = false;
        PasswordHash = null;
        PhoneNumber = null;
        TwoFactorEnabled = false;
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }
}
