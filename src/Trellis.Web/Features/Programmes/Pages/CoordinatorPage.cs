using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Programmes.Pages;

/// <summary>
/// A page under /Programmes/{slug}/Manage: it exists only for the programme's coordinators. The programme is
/// found by address and coordination at once (<see cref="ProgrammeAccess"/>); anyone else gets 404 before any
/// handler runs.
/// </summary>
[Authorize(Policy = Policies.Member)]
public abstract class CoordinatorPage(ProgrammeAccess access) : TrellisPageModel
{
    [FromRoute] public string Slug { get; set; } = "";

    public Programme Programme { get; private set; } = null!;

    protected async Task<bool> LoadProgrammeAsync(CancellationToken ct)
    {
        var found = await access.FindBySlugAsync(Me, Slug, ct);
        if (found is null) return false;
        Programme = found;
        return true;
    }

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        if (User.Identity?.IsAuthenticated != true || !await LoadProgrammeAsync(HttpContext.RequestAborted))
        {
            context.Result = NotFound();
            return;
        }
        await next();
    }

    protected string ManagePath(string rest = "") => $"/Programmes/{Programme.Slug}/Manage{rest}";
}
