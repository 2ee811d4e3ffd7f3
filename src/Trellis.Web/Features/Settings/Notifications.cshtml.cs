using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Settings;

[Authorize(Policy = Policies.Member)]
public sealed class NotificationsModel(NotificationCentre centre) : TrellisPageModel
{
    public IReadOnlyList<PreferenceView> Preferences { get; private set; } = [];

    [BindProperty]
    public List<PreferenceChange> Choices { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Preferences = await centre.PreferencesAsync(Me, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await centre.SetPreferencesAsync(Me, Choices, ct);
        if (!result.IsSuccess)
        {
            AddErrors(result.Error);
            Preferences = await centre.PreferencesAsync(Me, ct);
            return Page();
        }
        TempData["Status"] = "Your e-mail preferences are saved.";
        return RedirectToPage();
    }

    public static string Describe(EmailFrequency frequency) => frequency switch
    {
        EmailFrequency.Immediately => "Right away",
        EmailFrequency.DailyDigest => "In a daily digest",
        _ => "Never",
    };
}
