using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Files;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>
/// Import participants in two steps: the file is checked (a dry run) and kept; if it is clean the coordinator sees
/// what it will do and confirms. The kept file is named by a protected token bound to this programme, so it cannot
/// be imported into another one; the file sweep removes files left unconfirmed.
/// </summary>
public sealed class ImportModel(ProgrammeAccess access, ParticipantImport import, IFileStore files, IDataProtectionProvider protection)
    : CoordinatorPage(access)
{
    private IDataProtector Protector => protection.CreateProtector("Trellis.Programmes.Import");

    public ImportSummary? Preview { get; private set; }
    public string? Kept { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostCheckAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Choose a CSV file.");
            return Page();
        }
        if (file.Length > ParticipantImport.MaxBytes)
        {
            ModelState.AddModelError("file", $"The file is larger than {ParticipantImport.MaxBytes / 1024 / 1024} MB.");
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var checkedFile = await import.RunAsync(Me, Programme.Id, buffer.ToArray(), dryRun: true, ct);
        if (!checkedFile.IsSuccess)
        {
            AddErrors(checkedFile.Error, "");
            return Page();
        }
        Preview = checkedFile.Value;
        if (Preview.ErrorCount == 0)
        {
            buffer.Position = 0;
            var key = await files.SaveAsync(buffer, ct);
            Kept = Protector.Protect($"{Programme.Id:N}|{key}");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string? kept, CancellationToken ct)
    {
        var key = KeyFrom(kept);
        await using var stored = key is null ? null : await files.OpenReadAsync(key, ct);
        if (stored is null)
        {
            ModelState.AddModelError("file", "That check has expired. Choose the file again.");
            return Page();
        }
        using var buffer = new MemoryStream();
        await stored.CopyToAsync(buffer, ct);
        var done = await import.RunAsync(Me, Programme.Id, buffer.ToArray(), dryRun: false, ct);
        if (!done.IsSuccess || done.Value.ErrorCount > 0)
        {
            // Something changed since the check (a question removed, people joined): show what is wrong now.
            if (done.IsSuccess) Preview = done.Value; else AddErrors(done.Error, "");
            return Page();
        }
        await files.DeleteAsync(key!, ct);
        var s = done.Value;
        TempData["Status"] = $"Imported {s.Rows} rows: {s.Added} members added ({s.AddedComplete} fully enrolled), " +
            $"{s.Updated} updated, {s.Invited} invitations sent.";
        return Redirect(ManagePath("/Participants"));
    }

    private string? KeyFrom(string? kept)
    {
        if (string.IsNullOrEmpty(kept)) return null;
        try
        {
            var parts = Protector.Unprotect(kept).Split('|');
            return parts.Length == 2 && parts[0] == Programme.Id.ToString("N") ? parts[1] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
