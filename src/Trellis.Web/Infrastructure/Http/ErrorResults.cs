using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Web.Domain;

namespace Trellis.Web.Infrastructure.Http;

/// <summary>The one place the domain's errors become HTTP: 400 with <c>errors</c> naming the field, 404, 409, 403.</summary>
public static class ErrorResults
{
    public static ProblemHttpResult ToProblem(this Error error) => error switch
    {
        Invalid invalid => TypedResults.Problem(new HttpValidationProblemDetails(invalid.Errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are not valid.",
        }),
        NotFoundError nf => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: nf.Detail),
        ConflictError c => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: c.Detail),
        ForbiddenError f => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: f.Detail),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: error.Detail),
    };
}
