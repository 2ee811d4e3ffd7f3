using Microsoft.AspNetCore.Http.HttpResults;

namespace Trellis.Web.Infrastructure.Http;

/// <summary>Expected failures are values (STYLE.md §3); <see cref="ErrorResults"/> maps them to HTTP in one place.</summary>
public abstract record Error(string Detail);

/// <summary>Not found and not allowed look the same to the caller.</summary>
public sealed record NotFoundError(string Detail = "Not found.") : Error(Detail);

public sealed record ConflictError(string Detail) : Error(Detail);

/// <summary>The caller may see the thing but not do this to it (a coordinator who is not the programme's owner).</summary>
public sealed record ForbiddenError(string Detail) : Error(Detail);

public sealed record Invalid(IDictionary<string, string[]> Errors) : Error("One or more fields are not valid.")
{
    public Invalid(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }
}

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
