using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Trellis.Web.Features.Accounts;

[AllowAnonymous]
public sealed class RegisterConfirmationModel : PageModel
{
    public string? Email { get; private set; }

    public void OnGet() => Email = TempData["RegisteredEmail"] as string;
}
