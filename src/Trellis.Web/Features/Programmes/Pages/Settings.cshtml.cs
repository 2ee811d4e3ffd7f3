using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>A programme's settings in three forms: details, enrolment, matching (with the agreement template).</summary>
public sealed class SettingsModel(ProgrammeAccess access, ProgrammeHandlers handlers) : CoordinatorPage(access)
{
    [BindProperty] public ProgrammeDetailsInput Details { get; set; } = new();
    [BindProperty] public EnrolmentSettingsInput Enrolment { get; set; } = new();
    [BindProperty] public MatchingSettingsInput Matching { get; set; } = new();

    public void OnGet() => Fill(details: true, enrolment: true, matching: true);

    public async Task<IActionResult> OnPostDetailsAsync(CancellationToken ct) =>
        After(await handlers.UpdateDetailsAsync(Me, Programme.Id, Details, ct), "Details", "The details are saved.");

    public async Task<IActionResult> OnPostEnrolmentAsync(CancellationToken ct) =>
        After(await handlers.UpdateEnrolmentAsync(Me, Programme.Id, Enrolment, ct), "Enrolment", "Enrolment settings are saved.");

    public async Task<IActionResult> OnPostMatchingAsync(CancellationToken ct) =>
        After(await handlers.UpdateMatchingAsync(Me, Programme.Id, Matching, ct), "Matching", "Matching settings are saved.");

    private IActionResult After(Result<ProgrammeView> result, string form, string done)
    {
        if (result.IsSuccess)
        {
            TempData["Status"] = done;
            return Redirect(ManagePath("/Settings"));
        }
        AddErrors(result.Error, form);
        Fill(details: form != "Details", enrolment: form != "Enrolment", matching: form != "Matching");
        return Page();
    }

    private void Fill(bool details, bool enrolment, bool matching)
    {
        if (details) Details = ProgrammeDetailsInput.From(Programme);
        if (enrolment) Enrolment = EnrolmentSettingsInput.From(Programme);
        if (matching) Matching = MatchingSettingsInput.From(Programme);
    }

    public static string Describe(ProfileField field) => field switch
    {
        ProfileField.CurrentRole => "Current role",
        ProfileField.CareerHistory => "Career history",
        ProfileField.MenteeGoals => "Goals (as a mentee)",
        ProfileField.MentorTopics => "Topics I can help with (as a mentor)",
        ProfileField.Field => "Field or industry",
        _ => field.ToString(),
    };
}
