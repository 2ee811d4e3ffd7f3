using Microsoft.AspNetCore.Http.HttpResults;

namespace Trellis.Web.Infrastructure.Http;

/// <summary>
/// The one mapping from a handler's result to an HTTP answer: the value with its success status, or the error's
/// problem document (<see cref="ErrorResults.ToProblem"/>). Endpoints end in <c>.ToOk()</c>, <c>.ToCreated(…)</c>
/// or <c>.ToNoContent()</c> instead of each feature writing its own copy.
/// </summary>
public static class ApiResults
{
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();

    public static async Task<Results<Ok<T>, ProblemHttpResult>> ToOk<T>(this Task<Result<T>> result) =>
        (await result).ToOk();

    /// <summary>201 with the new resource's address (null when it has none of its own).</summary>
    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(
        this Result<T> result, Func<T, string?> location) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value), result.Value) : result.Error.ToProblem();

    public static async Task<Results<Created<T>, ProblemHttpResult>> ToCreated<T>(
        this Task<Result<T>> result, Func<T, string?> location) => (await result).ToCreated(location);

    public static Results<NoContent, ProblemHttpResult> ToNoContent<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();

    public static async Task<Results<NoContent, ProblemHttpResult>> ToNoContent<T>(this Task<Result<T>> result) =>
        (await result).ToNoContent();

    /// <summary>For handlers that return only a possible error.</summary>
    public static Results<NoContent, ProblemHttpResult> ToNoContent(this Error? error) =>
        error is null ? TypedResults.NoContent() : error.ToProblem();

    public static async Task<Results<NoContent, ProblemHttpResult>> ToNoContent(this Task<Error?> error) =>
        (await error).ToNoContent();
}
