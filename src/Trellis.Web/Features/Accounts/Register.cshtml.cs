using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;

namespace Trellis.Web.Features.Accounts;

[AllowAnonymous]
public sealed class RegisterModel(Registration registration) : TrellisPageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Please tell us your name.")]
        [StringLength(Member.DisplayNameMaxLength, ErrorMessage = "Your name must be at most 100 characters.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Please enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "This does not look like an e-mail address.")]
        [StringLength(254, ErrorMessage = "E-mail addresses are at most 254 characters.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Please choose a password.")]
        public string Password { get; set; } = "";
    }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/Dashboard") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var problems = await registration.RegisterAsync(Input.Name, Input.Email, Input.Password, ct);
        foreach (var error in problems)
            ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", Describe(error));
        if (problems.Count > 0) return Page();
        TempData["RegisteredEmail"] = Input.Email.Trim(); // not in the URL: addresses do not belong in logs
        return RedirectToPage("RegisterConfirmation");
    }

    private static string Describe(IdentityError error) => error.Code switch
    {
        "InvalidEmail" or "InvalidUserName" => "This does not look like an e-mail address.",
        _ => error.Description,
    };
}
