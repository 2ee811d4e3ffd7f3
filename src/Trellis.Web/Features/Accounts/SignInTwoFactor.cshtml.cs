using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;

namespace Trellis.Web.Features.Accounts;

[AllowAnonymous]
public sealed class SignInTwoFactorModel(SignInManager<Member> signIn) : TrellisPageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }
    public bool RememberMe { get; private set; }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Please enter the code from your authenticator app.")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "The code has six digits.")]
        public string Code { get; set; } = "";

        public bool RememberMachine { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, bool rememberMe)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("SignIn");
        (ReturnUrl, RememberMe) = (returnUrl, rememberMe);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, bool rememberMe)
    {
        (ReturnUrl, RememberMe) = (returnUrl, rememberMe);
        if (!ModelState.IsValid) return Page();
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("SignIn");

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, rememberMe, Input.RememberMachine);
        if (result.Succeeded) return LocalRedirect(SignInModel.SafeReturn(returnUrl));
        if (result.IsLockedOut)
            ModelState.AddModelError("", "Too many failed attempts: this account is locked for 15 minutes.");
        else
            ModelState.AddModelError("Input.Code", "That code is not valid. Codes change every 30 seconds; try the current one.");
        return Page();
    }
}
