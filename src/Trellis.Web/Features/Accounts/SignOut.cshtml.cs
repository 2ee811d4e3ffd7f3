using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Accounts;

[Authorize(Policy = Policies.Member)]
public sealed class SignOutModel(SignInManager<Member> signIn) : PageModel
{
    public void OnGet() { }

    /// <summary>Removes this browser's server-side session, so a copy of the cookie stops working too.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Status"] = "You are signed out.";
        return Redirect("/");
    }
}
