using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Settings;

/// <summary>TOTP (RFC 6238) through Identity's authenticator token provider, with ten one-time recovery codes.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class TwoFactorModel(UserManager<Member> users, SignInManager<Member> signIn) : TrellisPageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Please enter the code from your authenticator app.")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "The code has six digits.")]
        public string Code { get; set; } = "";
    }

    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task OnGetAsync() => await LoadAsync(await Current());

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var member = await Current();
        if (!ModelState.IsValid) { await LoadAsync(member); return Page(); }
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var valid = await users.VerifyTwoFactorTokenAsync(member, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError("Input.Code", "That code is not valid. Check the key in your app and try the current code.");
            await LoadAsync(member);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(member, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(member, 10))?.ToList();
        await signIn.RefreshSignInAsync(member);
        await LoadAsync(member);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var member = await Current();
        if (!member.TwoFactorEnabled) return RedirectToPage();
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(member, 10))?.ToList();
        await LoadAsync(member);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var member = await Current();
        await users.SetTwoFactorEnabledAsync(member, false);
        await users.ResetAuthenticatorKeyAsync(member); // a later re-enable must not reuse the old secret
        await signIn.RefreshSignInAsync(member);
        TempData["Status"] = "Two-factor authentication is off.";
        return RedirectToPage("Index");
    }

    private async Task<Member> Current() => await users.GetUserAsync(User) ?? throw new InvalidOperationException();

    private async Task LoadAsync(Member member)
    {
        Enabled = member.TwoFactorEnabled;
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(member);
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(member);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(member);
            key = await users.GetAuthenticatorKeyAsync(member);
        }
        SharedKey = Group(key!);
        AuthenticatorUri = $"otpauth://totp/Trellis:{Uri.EscapeDataString(member.Email!)}?secret={key}&issuer=Trellis&digits=6";
    }

    private static string Group(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
