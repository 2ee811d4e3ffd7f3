using System.Text.Json;

namespace Trellis.Web.Infrastructure.Http;

public static class ProblemDocuments
{
    /// <summary>
    /// A body that is not valid JSON for its type ("mentorCapacity": "lots") or a query value that does not
    /// parse (?minYears=ten) gets a 400 that names the field, like any other validation error. Unexpected exceptions
    /// keep the generic 500 text (and the trace id ASP.NET adds): never a stack trace.
    /// </summary>
    public static void NameTheField(ProblemDetailsContext context)
    {
        if (context.Exception is not BadHttpRequestException bad) return;
        context.ProblemDetails.Title = "The request could not be read.";
        context.ProblemDetails.Detail = null;
        var field = bad.InnerException is JsonException { Path: { } path }
            ? path.TrimStart('$', '.')
            : System.Text.RegularExpressions.Regex.Match(bad.Message, "parameter \"(?:[^\" ]+ )?([^\" ]+)\"").Groups[1].Value;
        if (field.Length == 0) return;
        context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]>
        {
            [char.ToLowerInvariant(field[0]) + field[1..]] = ["This value has the wrong type or format."],
        };
    }
}
