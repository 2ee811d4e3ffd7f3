using Microsoft.AspNetCore.Identity;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Accounts;

/// <summary>
/// Joining Trellis, for the page and the API alike. The answer never says whether the address already has an
/// account: if it has, nothing is created and its owner gets an e-mail saying someone tried to register with it
/// (sign in, or reset the password) — the mailbox learns it, not whoever typed the address. Only problems with
/// the password itself are answered (those are the same with or without an account).
/// </summary>
public sealed class Registration(UserManager<Member> users, TrellisDbContext db, AccountEmails emails, TimeProvider time)
{
    /// <summary>The password's problems; empty when done (created, or told to the address's owner).</summary>
    public async Task<IReadOnlyList<IdentityError>> RegisterAsync(string name, string email, string password, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var member = new Member { Id = Guid.CreateVersion7(now), UserName = email.Trim(), Email = email.Trim(), DisplayName = name.Trim(), CreatedAt = now };

        // Account, profile and confirmation e-mail commit together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(member, password);
        var problems = created.Errors.Where(e => e.Code is not ("DuplicateUserName" or "DuplicateEmail")).ToList();
        if (problems.Count > 0) return problems;
        if (created.Succeeded)
        {
            db.Profiles.Add(new Profile(member.Id, now));
            await emails.QueueConfirmationAsync(member);
        }
        else if (await users.FindByEmailAsync(member.Email) is { IsDeleted: false } existing)
        {
            emails.QueueAlreadyRegistered(existing);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return [];
    }
}
