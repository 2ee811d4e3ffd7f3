using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Trellis.Web.Features.Accounts;

namespace Trellis.Web.Infrastructure.Auth;

/// <summary>
/// Identity's <c>/manage/info</c> (a password change checks the old password) and <c>/manage/2fa</c> (turning two-factor
/// on checks a code) check a secret a signed-in caller re-enters, in Identity's code. This filter around them counts
/// those answers towards <see cref="SignInThrottle"/>, as <see cref="TrellisSignInManager.CheckReenteredPasswordAsync"/>
/// does for Trellis's own re-entry points, so a borrowed session cannot guess without limit: while a wait is on, the
/// secret is not checked and the answer is the one for a wrong secret.
/// </summary>
public static class ManageThrottle
{
    private const string WrongPassword = "PasswordMismatch";
    private const string WrongCode = "InvalidTwoFactorCode";

    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var wrongKey = context.Arguments.FirstOrDefault(a => a is InfoRequest or TwoFactorRequest) switch
        {
            InfoRequest { NewPassword.Length: > 0 } => WrongPassword,
            TwoFactorRequest { TwoFactorCode.Length: > 0 } => WrongCode,
            _ => null,
        };
        if (wrongKey is null) return await next(context);
        var http = context.HttpContext;
        var services = http.RequestServices;
        if ((await services.GetRequiredService<UserManager<Member>>().GetUserAsync(http.User))?.Email is not { } email)
            return await next(context); // Identity answers for a caller without an account
        var throttle = services.GetRequiredService<SignInThrottle>();
        var client = http.Connection.RemoteIpAddress;
        if (throttle.MustWait(email, client))
        {
            var words = wrongKey == WrongPassword
                ? services.GetRequiredService<IdentityErrorDescriber>().PasswordMismatch().Description
                : "The 2fa token provided by the request was invalid."; // Identity's words for a wrong code
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [wrongKey] = [words] });
        }
        var result = await next(context);
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (answer is ValidationProblem problem && problem.ProblemDetails.Errors.ContainsKey(wrongKey)) throttle.Failed(email, client);
        else if (answer is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK }) throttle.Succeeded(email, client);
        return result;
    }
}
