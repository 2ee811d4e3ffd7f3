using Microsoft.AspNetCore.Mvc;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>A programme at a glance for its coordinators: where it stands, what it can do next.</summary>
public sealed class ManageModel(ProgrammeAccess access, ProgrammeHandlers handlers, Enrolment.ParticipantHandlers participants,
    WindingDown windingDown, Reports.ProgrammeGlance glance) : CoordinatorPage(access)
{
    public int DefaultNoticeDays => windingDown.DefaultNoticeDays;

    public ProgrammeView View { get; private set; } = null!;
    public Enrolment.EnrolmentCounts Counts { get; private set; } = null!;
    public Reports.FiveNumbers Glance { get; private set; } = null!;

    [BindProperty] public Guid? Version { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = (await handlers.GetAsync(Me, Programme.Id, ct)).Value!;
        Counts = (await participants.CountsAsync(Me, Programme.Id, ct)).Value!;
        Glance = await glance.OfAsync(Programme, ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(ProgrammeStatus? to, CancellationToken ct)
    {
        var moved = await handlers.MoveAsync(Me, Programme.Id, new MoveRequest(to, Version), ct);
        return await AfterAsync(moved.Error, $"The programme is now {Programme.Describe(to ?? default)}.", ct);
    }

    public async Task<IActionResult> OnPostArchiveAsync(CancellationToken ct)
    {
        var archived = await handlers.ArchiveAsync(Me, Programme.Id, Version, ct);
        return await AfterAsync(archived.Error, "The programme is archived; its history is kept.", ct);
    }

    public async Task<IActionResult> OnPostWindDownAsync(int? noticeDays, CancellationToken ct)
    {
        var wound = await windingDown.WindDownAsync(Me, Programme.Id, new WindDownRequest(Version, noticeDays), ct);
        return await AfterAsync(wound.Error, wound.IsSuccess
            ? $"The programme is closed. {wound.Value.PairsEnding} running pair(s) end on {wound.Value.EndsOn:d MMMM yyyy}; both members of each were told."
            : "", ct);
    }

    private async Task<IActionResult> AfterAsync(Trellis.Web.Domain.Error? error, string done, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Status"] = done;
            return Redirect(ManagePath());
        }
        AddErrors(error, "");
        await OnGetAsync(ct);
        return Page();
    }

    public static string MoveLabel(ProgrammeStatus to, ProgrammeKind kind) => to switch
    {
        ProgrammeStatus.Enrolling => "Open enrolment",
        ProgrammeStatus.Matching => "Close enrolment and start matching",
        ProgrammeStatus.Running when kind == ProgrammeKind.Evergreen => "Start running (enrolment stays open)",
        ProgrammeStatus.Running => "Start the running period",
        ProgrammeStatus.Closed => "Close the programme",
        _ => to.ToString(),
    };
}
