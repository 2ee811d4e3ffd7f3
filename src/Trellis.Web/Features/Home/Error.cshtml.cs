using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Trellis.Web.Features.Home;

/// <summary>
/// The page a person sees instead of an empty error response: unhandled exceptions land here from the
/// exception handler (500), and 4xx answers to browser requests are re-executed here with their code
/// (<see cref="ErrorPages"/>). The status code stays what it was; only the body becomes a page.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = StatusCodes.Status500InternalServerError;
    public string? TraceId { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int? code)
    {
        // From the exception handler (no code in the address) the status it chose is already set: 409 for a lost race.
        Code = code is >= 400 and <= 599 ? code.Value
            : Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode : StatusCodes.Status500InternalServerError;
        // Visiting /Error/404 directly answers 404 too: the address never claims an error page is a success.
        Response.StatusCode = Code;
        TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Heading, Explanation) = Code switch
        {
            // A private page (someone else's mentorship) answers 404 on purpose, so the wording covers both.
            404 => ("We cannot find that page",
                "The link may be out of date, or the page belongs to someone else's mentorship. Check the address, or start again from your dashboard."),
            403 => ("This page is not open to you",
                "You are signed in, but this part of Trellis is for other members. If you think it should be open to you, ask the person who sent you the link."),
            429 => ("Please slow down a little",
                "You have made a lot of requests in a short time. Wait a minute, then try again; nothing you wrote is lost."),
            409 => ("Someone changed this at the same moment",
                "Nothing was overwritten. Go back, reload the page to see the latest version, and try again."),
            400 => ("We could not read that request",
                "Something in the address or the form was not what Trellis expected. Go back, check it, and try again."),
            _ when Code >= 500 => ("Something went wrong",
                "We could not complete your request. Nothing you did caused this; please try again in a moment."),
            _ => ("That did not work",
                "Trellis could not complete this request. Go back and try again, or start again from your dashboard."),
        };
    }

    public void OnPost(int? code) => OnGet(code);
}
