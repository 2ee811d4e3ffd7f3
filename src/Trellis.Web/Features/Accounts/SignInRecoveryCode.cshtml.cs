using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;

namespace Trellis.Web.Features.Accounts;

[AllowAnonymous]
public sealed class SignInRecoveryCodeModel(SignInManager<Member> signIn) : TrellisPageModel
{
    [BindProperty]
    public RecoveryInput Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public sealed class RecoveryInput
    {
        [Required(ErrorMessage = "Please enter one of your recovery codes.")]
        [StringLength(20)]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("SignIn");
        ReturnUrl = returnUrl;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("SignIn");
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded) return LocalRedirect(SignInModel.SafeReturn(returnUrl));
        ModelState.AddModelError(result.IsLockedOut ? "" : "Input.Code", result.IsLockedOut ? "Too many failed attempts: this account is locked for 15 minutes." : "That recovery code is not valid or was used already.");
        return Page();
    }
}
