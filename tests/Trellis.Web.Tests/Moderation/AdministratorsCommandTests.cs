using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Admin;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Moderation;

public sealed class AdministratorsCommandTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task Grant_MakesAMemberAnAdministrator_AndRevoke_TakesItAwayAndSignsThemOut()
    {
        var member = await app.SignedInAsync("Gina Grant");

        var (code, output) = await Run("grant", member.Email);
        Assert.Equal(0, code);
        Assert.Contains(member.Email, output, StringComparison.Ordinal);
        Assert.True(await IsAdminAsync(member.Id));
        Assert.Equal(0, (await Run("grant", member.Email)).Code); // twice is fine
        Assert.Contains(member.Email, (await Run("list")).Output, StringComparison.Ordinal);

        var api = await app.ApiAsync(member);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/admin/reports")).StatusCode);
        var browser = app.Browser();
        await browser.SignInAsync(member.Email, member.Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Admin/Reports")).StatusCode);

        Assert.Equal(0, (await Run("revoke", member.Email)).Code);
        Assert.False(await IsAdminAsync(member.Id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/admin/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Admin/Reports")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.MemberSessions.CountAsync(s => s.MemberId == member.Id)));
        var fresh = await app.ApiAsync(member);
        Assert.Equal(HttpStatusCode.NotFound, (await fresh.GetAsync("/api/v1/admin/reports")).StatusCode);
    }

    [Fact]
    public async Task UnknownEmails_AndBadUsage_FailWithAnExitCode()
    {
        var (code, output) = await Run("grant", "nobody@example.org");
        Assert.Equal(1, code);
        Assert.Contains("nobody@example.org", output, StringComparison.Ordinal);
        Assert.Equal(2, (await Run("promote", "x@example.org")).Code);
        Assert.Equal(2, (await Run()).Code);
    }

    private async Task<(int Code, string Output)> Run(params string[] args)
    {
        var output = new StringWriter();
        var code = await AdministratorsCommand.RunAsync(app.Services, args, output, output, default);
        return (code, output.ToString());
    }

    private async Task<bool> IsAdminAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        return await users.IsInRoleAsync((await users.FindByIdAsync(id.ToString()))!, Roles.Administrator);
    }
}
