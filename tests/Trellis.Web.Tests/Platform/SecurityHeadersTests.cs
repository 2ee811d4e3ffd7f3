using System.Net;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Platform;

public sealed class SecurityHeadersTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Accounts/Register")]
    [InlineData("/api/v1/me/profile")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        var response = await app.Anonymous().GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scriptSrc, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_ContainNoInlineScript()
    {
        foreach (var path in new[] { "/", "/Accounts/Register", "/Accounts/SignIn" })
        {
            var html = await app.Anonymous().GetStringAsync(path);
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html);
            Assert.DoesNotContain(" onclick=", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiforgeryToken_IsRefused_AndCreatesNothing()
    {
        var email = Members.NewEmail("csrf");
        var response = await app.Browser().PostAsync("/Accounts/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Forged", ["Input.Email"] = email, ["Input.Password"] = Members.GoodPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.Email == email)));
    }
}
