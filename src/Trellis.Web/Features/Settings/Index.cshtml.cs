using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Settings;

[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(UserManager<Member> users) : TrellisPageModel
{
    public string Email { get; private set; } = "";
    public bool TwoFactor { get; private set; }

    public async Task OnGetAsync()
    {
        var member = await users.GetUserAsync(User) ?? throw new InvalidOperationException();
        (Email, TwoFactor) = (member.Email ?? "", member.TwoFactorEnabled);
    }
}
