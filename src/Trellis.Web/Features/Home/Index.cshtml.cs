using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Trellis.Web.Features.Home;

[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}
