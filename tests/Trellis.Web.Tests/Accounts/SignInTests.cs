using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Accounts;

public sealed class SignInTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task AuthCookie_IsHostPrefixed_Secure_HttpOnly_AndSameSiteLax()
    {
        var email = Members.NewEmail("cookie");
        var browser = app.Browser();
        await browser.PostAsync("/Accounts/Register", new { Input__Name = "Cookie", Input__Email = email, Input__Password = Members.GoodPassword });
        await Members.ConfirmByEmailAsync(app, browser, email);

        var response = await browser.SignInAsync(email, Members.GoodPassword);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-trellis=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignOut_EndsTheSession_SoACopiedCookieNoLongerWorks()
    {
        var member = await app.RegisteredAsync("Sign Out");
        var stolen = CopyCookies(member.Browser);
        Assert.Equal(HttpStatusCode.OK, (await Get(stolen, "/Dashboard")).StatusCode);

        var signOut = await member.Browser.PostAsync("/Accounts/SignOut", Array.Empty<KeyValuePair<string, string>>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var after = await Get(stolen, "/Dashboard");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Accounts/SignIn", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.MemberSessions.CountAsync(s => s.MemberId == member.Id)));
    }

    [Fact]
    public async Task ChangePassword_SignsOutEveryOtherSession_AndSendsANotice()
    {
        var member = await app.RegisteredAsync("Change Password");
        var laptop = app.Browser();
        await laptop.SignInAsync(member.Email, member.Password);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/Dashboard")).StatusCode);

        var changed = await member.Browser.PostAsync("/Settings/Password", new { Input__CurrentPassword = member.Password, Input__NewPassword = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/Dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.Browser.GetAsync("/Dashboard")).StatusCode);
        await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == member.Email) && (m.Subject ?? "").Contains("password was changed", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().SignInAsync(member.Email, "a brand new passphrase")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_ReplacesTheCurrentSession_SoACopyOfItsCookieStopsWorking_AndEndsApiTokens()
    {
        var member = await app.SignedInAsync("Copied Cookie");
        var api = await app.ApiAsync(member);
        var stolen = CopyCookies(member.Browser);
        Assert.Equal(HttpStatusCode.OK, (await Get(stolen, "/Dashboard")).StatusCode);
        var before = await app.WithDbAsync(db => db.MemberSessions.Where(s => s.MemberId == member.Id && s.RefreshGeneration == null).Select(s => s.Id).SingleAsync());

        var changed = await member.Browser.PostAsync("/Settings/Password", new { Input__CurrentPassword = member.Password, Input__NewPassword = "another brand new passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        // The browser that changed it carries on, in a new session; the copy of its old cookie is signed out.
        Assert.Equal(HttpStatusCode.OK, (await member.Browser.GetAsync("/Dashboard")).StatusCode);
        var after = await Get(stolen, "/Dashboard");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Accounts/SignIn", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var sessions = await app.WithDbAsync(db => db.MemberSessions.Where(s => s.MemberId == member.Id).Select(s => new { s.Id, s.RefreshGeneration }).ToListAsync());
        var only = Assert.Single(sessions);
        Assert.NotEqual(before, only.Id);
        Assert.Null(only.RefreshGeneration); // the API client's token family ended too
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me/profile")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_ToACommonOne_IsRefused_AndTheOldPasswordStillWorks()
    {
        var member = await app.RegisteredAsync("Weak Change");
        var response = await member.Browser.PostAsync("/Settings/Password", new { Input__CurrentPassword = member.Password, Input__NewPassword = "football" });
        Assert.Contains("most common", Forms.FieldError(await response.Content.ReadAsStringAsync(), "Input_NewPassword"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().SignInAsync(member.Email, member.Password)).StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_SendsALink_ThatSetsANewPassword_AndWorksOnce()
    {
        var member = await app.RegisteredAsync("Forgetful");
        var anonymous = app.Browser();
        await anonymous.PostAsync("/Accounts/ForgotPassword", new { Input__Email = member.Email });
        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == member.Email) && (m.Subject ?? "").Contains("Reset", StringComparison.Ordinal));
        var link = Members.LinkIn(mail.Text(), "/Accounts/ResetPassword");
        Assert.DoesNotContain("%40", link, StringComparison.Ordinal); // no e-mail address in a URL
        Assert.DoesNotContain("@", link, StringComparison.Ordinal);

        var reset = await anonymous.PostAsync(link, ResetFields(link, member.Email, "my new long passphrase"));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().SignInAsync(member.Email, "my new long passphrase")).StatusCode);

        var again = await anonymous.PostAsync(link, ResetFields(link, member.Email, "yet another passphrase"));
        Assert.Contains("not valid", Forms.Summary(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_ForAnUnknownAddress_AnswersTheSame_AndSendsNothing()
    {
        var email = Members.NewEmail("nobody");
        var response = await app.Browser().PostAsync("/Accounts/ForgotPassword", new { Input__Email = email });
        Assert.Contains("If an account uses that address", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.Empty(app.Mail.To(email));
    }

    [Fact]
    public async Task ChangeEmail_TakesEffectOnlyWhenTheNewAddressConfirms()
    {
        var member = await app.RegisteredAsync("Mover");
        var newEmail = Members.NewEmail("moved");
        await member.Browser.PostAsync("/Settings/Email", new { Input__Email = newEmail });
        Assert.Equal(member.Email, await app.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.Email).SingleAsync()));

        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == newEmail));
        var page = await app.Browser().GetStringAsync(Members.LinkIn(mail.Text(), "/Accounts/ConfirmEmailChange"));
        Assert.Contains("Your e-mail address is changed", page, StringComparison.Ordinal);

        Assert.Equal(newEmail, await app.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.Email).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().SignInAsync(newEmail, member.Password)).StatusCode);
    }

    [Fact]
    public async Task TwoFactor_OnceEnabled_SignInNeedsTheCurrentCode_OrARecoveryCode()
    {
        var member = await app.RegisteredAsync("Two Factor");
        var setup = await member.Browser.GetStringAsync("/Settings/TwoFactor");
        var key = Regex.Match(setup, "<code id=\"shared-key\">([^<]+)</code>").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

        var wrong = await member.Browser.PostAsync("/Settings/TwoFactor", new { Input__Code = "000000" }, handler: "Enable");
        Assert.Contains("not valid", Forms.FieldError(await wrong.Content.ReadAsStringAsync(), "Input_Code"), StringComparison.Ordinal);

        var enabled = await member.Browser.PostAsync("/Settings/TwoFactor", new { Input__Code = Totp.Code(key) }, handler: "Enable");
        var codes = Regex.Matches(await enabled.Content.ReadAsStringAsync(), "<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);

        var phone = app.Browser();
        var first = await phone.SignInAsync(member.Email, member.Password);
        Assert.StartsWith("/Accounts/SignInTwoFactor", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/Dashboard")).StatusCode);
        var second = await phone.PostAsync(first.Headers.Location!.OriginalString, new { Input__Code = Totp.Code(key) });
        Assert.Equal("/Dashboard", second.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/Dashboard")).StatusCode);

        var tablet = app.Browser();
        await tablet.SignInAsync(member.Email, member.Password);
        var recovered = await tablet.PostAsync("/Accounts/SignInRecoveryCode", new { Input__Code = codes[0] });
        Assert.Equal("/Dashboard", recovered.Headers.Location?.OriginalString);
        var reused = app.Browser();
        await reused.SignInAsync(member.Email, member.Password);
        var again = await reused.PostAsync("/Accounts/SignInRecoveryCode", new { Input__Code = codes[0] });
        Assert.Contains("not valid or was used", Forms.FieldError(await again.Content.ReadAsStringAsync(), "Input_Code"), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ResetFields(string link, string email, string password)
    {
        var code = Uri.UnescapeDataString(Regex.Match(link, "code=([^&]+)").Groups[1].Value);
        return new() { ["Input.Email"] = email, ["Input.Password"] = password, ["Input.Code"] = code };
    }

    private HttpClient CopyCookies(HttpClient source)
    {
        _stolenCookie = CookieJar.Of(source);
        return app.Anonymous();
    }

    private string _stolenCookie = "";

    private Task<HttpResponseMessage> Get(HttpClient client, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", _stolenCookie);
        return client.SendAsync(request);
    }
}

/// <summary>RFC 6238 TOTP (SHA-1, 30 s, 6 digits), as authenticator apps compute it.</summary>
internal static class Totp
{
    public static string Code(string base32Key)
    {
        var key = Base32(base32Key);
        var counter = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var bytes = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian) Array.Reverse(bytes);
        var hash = HMACSHA1.HashData(key, bytes);
        var offset = hash[^1] & 0x0F;
        var value = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8) { output.Add((byte)(buffer >> (bits - 8))); bits -= 8; }
        }
        return [.. output];
    }
}
