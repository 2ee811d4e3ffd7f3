using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Features.Accounts;

[AllowAnonymous]
public sealed class ResendConfirmationModel(UserManager<Member> users, AccountEmails emails, TrellisDbContext db) : TrellisPageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var member = await users.FindByEmailAsync(Input.Email.Trim());
        // The same answer whether or not the address is known, so this page cannot be used to find accounts.
        if (member is { EmailConfirmed: false, IsDeleted: false })
        {
            await emails.QueueConfirmationAsync(member);
            await db.SaveChangesAsync(ct);
        }
        Sent = true;
        return Page();
    }
}

public sealed class EmailInput
{
    [Required(ErrorMessage = "Please enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "This does not look like an e-mail address.")]
    [StringLength(254)]
    public string Email { get; set; } = "";
}
