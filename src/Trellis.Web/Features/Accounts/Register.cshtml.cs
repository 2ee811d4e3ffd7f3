using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Accounts;

[AllowAnonymous]
public sealed class RegisterModel(UserManager<Member> users, TrellisDbContext db, AccountEmails emails, TimeProvider time) : TrellisPageModel
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
        var now = time.GetUtcNow();
        var member = new Member { Id = Guid.CreateVersion7(now), UserName = Input.Email.Trim(), Email = Input.Email.Trim(), DisplayName = Input.Name.Trim(), CreatedAt = now };

        // Account, profile and confirmation e-mail commit together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(member, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", Describe(error));
            return Page();
        }
        db.Profiles.Add(new Profile(member.Id, now));
        await emails.QueueConfirmationAsync(member);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["RegisteredEmail"] = member.Email; // not in the URL: addresses do not belong in logs
        return RedirectToPage("RegisterConfirmation");
    }

    private static string Describe(IdentityError error) => error.Code switch
    {
        "DuplicateUserName" or "DuplicateEmail" => "An account with this e-mail address already exists. Sign in, or reset your password.",
        "InvalidEmail" or "InvalidUserName" => "This does not look like an e-mail address.",
        _ => error.Description,
    };
}
