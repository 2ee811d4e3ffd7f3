using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;

namespace Trellis.Web.Features.Notifications;

/// <summary>The footer's "stop these e-mails" link: asks first (mail scanners open every link), then turns that
/// kind of e-mail off. Anonymous: the token in the address is the credential.</summary>
[AllowAnonymous]
public sealed class UnsubscribeModel(Unsubscribe unsubscribe) : TrellisPageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }
    public NotificationKind? Kind { get; private set; }
    public bool Done { get; private set; }

    public IActionResult OnGet()
    {
        Kind = unsubscribe.Read(Token)?.Kind;
        return Kind is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Kind = await unsubscribe.ApplyAsync(Token, ct);
        if (Kind is null) return NotFound();
        Done = true;
        return Page();
    }
}
