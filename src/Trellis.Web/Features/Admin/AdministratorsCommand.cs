using Microsoft.AspNetCore.Identity;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Admin;

/// <summary><c>trellis admin grant|revoke &lt;email&gt;</c> and <c>trellis admin list</c>: who the site's administrators are.</summary>
public static class AdministratorsCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        switch (args)
        {
            case ["list"]:
                foreach (var admin in (await users.GetUsersInRoleAsync(Roles.Administrator)).OrderBy(u => u.Email))
                    await output.WriteLineAsync($"{admin.Email}{(admin.IsSuspended ? " (suspended)" : "")}");
                return 0;
            case ["grant" or "revoke", var email]:
                var member = await users.FindByEmailAsync(email.Trim());
                if (member is null || member.IsDeleted)
                {
                    await error.WriteLineAsync($"No member has the e-mail address {email}.");
                    return 1;
                }
                if (!await roles.RoleExistsAsync(Roles.Administrator))
                    Check(await roles.CreateAsync(new IdentityRole<Guid>(Roles.Administrator)));
                var isAdmin = await users.IsInRoleAsync(member, Roles.Administrator);
                if (args[0] == "grant")
                {
                    if (!isAdmin) Check(await users.AddToRoleAsync(member, Roles.Administrator));
                    await output.WriteLineAsync($"{member.Email} is an administrator. They get the rights the next time they sign in.");
                    return 0;
                }
                if (isAdmin)
                {
                    Check(await users.RemoveFromRoleAsync(member, Roles.Administrator));
                    // No session or token may keep rights it no longer has: sign them out everywhere now.
                    Check(await users.UpdateSecurityStampAsync(member));
                    await scope.ServiceProvider.GetRequiredService<SessionRevocation>().RevokeAllAsync(member.Id, ct);
                }
                await output.WriteLineAsync($"{member.Email} is not an administrator; they were signed out everywhere.");
                return 0;
            default:
                await error.WriteLineAsync("usage: admin grant <email> | admin revoke <email> | admin list");
                return 2;
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
