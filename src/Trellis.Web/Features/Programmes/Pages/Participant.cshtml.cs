using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>One participant: their answers, a mentor's capacity, taking them out of the programme.</summary>
public sealed class ParticipantModel(ProgrammeAccess access, ParticipantHandlers handlers) : CoordinatorPage(access)
{
    public ParticipantView Participant { get; private set; } = null!;

    [BindProperty] public CapacityRequest Input { get; set; } = new(null, null);

    public async Task<IActionResult> OnGetAsync(Guid participantId, CancellationToken ct) =>
        await LoadAsync(participantId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCapacityAsync(Guid participantId, CancellationToken ct) =>
        await AfterAsync(participantId, await handlers.SetCapacityAsync(Me, Programme.Id, participantId, Input, ct), "The capacity is saved.", ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid participantId, CancellationToken ct) =>
        await AfterAsync(participantId, await handlers.RemoveAsync(Me, Programme.Id, participantId, ct), "They are no longer in the programme; they were told.", ct);

    private async Task<IActionResult> AfterAsync(Guid participantId, Result<ParticipantView> result, string done, CancellationToken ct)
    {
        if (result.Error is NotFoundError) return NotFound();
        if (result.IsSuccess)
        {
            TempData["Status"] = done;
            return Redirect(ManagePath($"/Participants/{participantId}"));
        }
        AddErrors(result.Error);
        return await LoadAsync(participantId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid participantId, CancellationToken ct)
    {
        var found = await handlers.ParticipantAsync(Me, Programme.Id, participantId, ct);
        if (!found.IsSuccess) return false;
        Participant = found.Value;
        return true;
    }
}
