using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Profiles;

[Authorize(Policy = Policies.Member)]
public sealed class EditModel(ProfileHandlers handlers, TimeProvider time) : TrellisPageModel
{
    /// <summary>The time the zone picker shows offsets for.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    public const int CareerRows = 5;
    public const int WindowRows = 7;

    public static readonly DayOfWeek[] Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    [BindProperty]
    public ProfileForm Input { get; set; } = new();

    public Guid MemberIdForLink => Me;

    public static IReadOnlyList<string> TimeZoneIds => TimeZones.All;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var view = await handlers.GetOwnAsync(Me, ct);
        Input = ProfileForm.From(view);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page(); // e.g. letters typed into a number field
        var result = await handlers.UpdateAsync(Me, Input.ToInput(), ct);
        if (!result.IsSuccess)
        {
            AddErrors(result.Error);
            return Page();
        }
        TempData["Status"] = "Your profile is saved.";
        return RedirectToPage("/Dashboard/Index");
    }
}
