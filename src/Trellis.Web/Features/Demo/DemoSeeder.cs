using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Demo;

/// <summary>Writes <see cref="DemoCommunity"/> members into the database; skips e-mails already present.</summary>
public static class DemoSeeder
{
    public const string Password = "trellis-demo-2026";

    public static async Task<int> SeedAsync(IServiceProvider services, int count, int seed, TextWriter progress, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Member>>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();

        var people = DemoCommunity.Generate(count, seed, now.Year);
        var existing = (await db.Users.Select(u => u.NormalizedEmail).ToListAsync(ct)).ToHashSet();
        // Hashing is deliberately slow; one hash serves every demo account.
        var hash = hasher.HashPassword(new Member(), Password);
        var added = 0;
        foreach (var batch in people.Chunk(100))
        {
            foreach (var person in batch)
            {
                var normalized = person.Email.ToUpperInvariant();
                if (existing.Contains(normalized)) continue;
                var member = NewMember(person.Email, person.Profile.DisplayName, hash, now);
                var profile = new Profile(member.Id, now);
                profile.Update(person.Profile, now);
                db.Users.Add(member);
                db.Profiles.Add(profile);
                added++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            progress.WriteLine($"  {added} members written…");
        }
        return added;
    }

    /// <summary>A confirmed demo account that signs in with <paramref name="passwordHash"/>.</summary>
    public static Member NewMember(string email, string displayName, string passwordHash, DateTimeOffset now)
    {
        var normalized = email.ToUpperInvariant();
        return new Member
        {
            Id = Guid.CreateVersion7(now),
            UserName = email,
            NormalizedUserName = normalized,
            Email = email,
            NormalizedEmail = normalized,
            EmailConfirmed = true,
            DisplayName = displayName,
            PasswordHash = passwordHash,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
            CreatedAt = now,
        };
    }
}
