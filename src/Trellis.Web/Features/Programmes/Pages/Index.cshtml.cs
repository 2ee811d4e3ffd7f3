using Microsoft.AspNetCore.Authorization;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>My programmes: those I coordinate and those I take part in.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(ProgrammeHandlers handlers, Enrolment.EnrolmentHandlers enrolment) : TrellisPageModel
{
    public IReadOnlyList<ProgrammeSummary> Coordinated { get; private set; } = [];
    public IReadOnlyList<Enrolment.MyProgramme> Mine { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Coordinated = await handlers.ListCoordinatedAsync(Me, ct);
        Mine = await enrolment.MineAsync(Me, ct);
    }
}
