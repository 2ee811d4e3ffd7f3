using System.Text.Json;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Validation;

namespace Trellis.Web.Infrastructure.Http;

public static class ProblemDocuments
{
    public const string InvalidTitle = "One or more fields are not valid.";

    /// <summary>
    /// Every problem document the API writes passes here, whoever made it (a handler's error, .NET's validation of an
    /// annotated request, the exception handler), so they all look alike:
    /// - a validation problem names fields as the JSON does ("agreement.cadenceEvery", "careerHistory[0].title"),
    ///   never by the C# path .NET's validation uses ("Agreement.CadenceEvery");
    /// - a body that is not valid JSON for its type ("mentorCapacity": "lots") or a query value that does not parse
    ///   (?minYears=ten) gets a 400 that names the field, like any other validation error;
    /// - a lost race that no handler turned into words (<see cref="Conflicts"/>) is a 409, not a 500;
    /// - a request over a rate limit (429, <see cref="RateLimits"/>) says when to try again.
    /// Unexpected exceptions keep the generic 500 text (and the trace id ASP.NET adds): never a stack trace.
    /// </summary>
    public static void NameTheField(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is HttpValidationProblemDetails validation)
        {
            validation.Title = InvalidTitle;
            var errors = validation.Errors.ToList();
            validation.Errors.Clear();
            foreach (var (key, messages) in errors) validation.Errors[JsonPath(key)] = messages;
            return;
        }
        if (context.ProblemDetails.Status == StatusCodes.Status429TooManyRequests)
        {
            context.ProblemDetails.Detail = "Too many requests in a short time. Try again after the number of seconds in the Retry-After header.";
            return;
        }
        if (context.Exception?.IsLostRace() == true)
        {
            context.ProblemDetails.Title = "Conflict";
            context.ProblemDetails.Detail = Conflicts.DefaultDetail;
            return;
        }
        if (context.Exception is { } unstorable && IsUnstorableText(unstorable))
        {
            context.ProblemDetails.Title = "The request holds a character that cannot be stored (NUL).";
            return;
        }
        if (context.Exception is not BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad) return;
        context.ProblemDetails.Title = "The request could not be read.";
        context.ProblemDetails.Detail = null;
        var field = bad.InnerException is JsonException { Path: not null } json
            ? NoNullEntries.FieldOf(json)
            : System.Text.RegularExpressions.Regex.Match(bad.Message, "parameter \"(?:[^\" ]+ )?([^\" ]+)\"").Groups[1].Value;
        if (field.Length == 0) return;
        context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]>
        {
            [JsonPath(field)] = ["This value has the wrong type or format."],
        };
    }

    /// <summary>The status an exception that reached the API's exception handler answers with.</summary>
    public static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ when IsUnstorableText(exception) => StatusCodes.Status400BadRequest,
        _ when exception.IsLostRace() => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The caller's mistake or a lost race is not an error of ours worth a stack trace in the log.</summary>
    public static bool IsExpected(Exception exception) => exception is BadHttpRequestException || exception.IsLostRace() || IsUnstorableText(exception);

    /// <summary>A NUL character that reached PostgreSQL from a query value or a route (JSON bodies are refused before,
    /// naming the field: <see cref="NoNullEntries"/>): the caller's text, not our failure.</summary>
    private static bool IsUnstorableText(Exception exception) =>
        (exception as Npgsql.PostgresException ?? exception.InnerException as Npgsql.PostgresException)?.SqlState
            == "22021"; // character_not_in_repertoire: PostgreSQL text cannot hold U+0000

    /// <summary>"CareerHistory[0].Title" → "careerHistory[0].title"; JSON names pass unchanged.</summary>
    public static string JsonPath(string path) => string.Join('.', path.Split('.').Select(part =>
        part.Length == 0 || part[0] == '[' ? part : JsonNamingPolicy.CamelCase.ConvertName(part)));
}
