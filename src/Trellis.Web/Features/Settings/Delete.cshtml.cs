using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Settings;

[Authorize(Policy = Policies.Member)]
public sealed class DeleteModel(AccountDeletion deletion, SignInManager<Member> signIn) : TrellisPageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Please enter your password to confirm.")]
        public string Password { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var result = await deletion.DeleteAsync(Me, Input.Password, ct);
        if (!result.IsSuccess)
        {
            AddErrors(result.Error);
            return Page();
        }
        await signIn.SignOutAsync();
        TempData["Status"] = "Your account is deleted. Thank you for being part of Trellis.";
        return Redirect("/");
    }
}
