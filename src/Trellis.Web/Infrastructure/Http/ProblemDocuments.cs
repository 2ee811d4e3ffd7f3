using System.Text.Json;

namespace Trellis.Web.Infrastructure.Http;

public static class ProblemDocuments
{
    /// <summary>
    /// A body that is not valid JSON for its type ("mentorCapacity": "lots") gets a 400 that names the
    /// field, like any other validation error, instead of a bare "Bad Request". Unexpected exceptions
    /// keep the generic 500 text (and the trace id ASP.NET adds): never a stack trace.
    /// </summary>
    public static void NameTheField(ProblemDetailsContext context)
    {
        if (context.Exception is not BadHttpRequestException bad) return;
        context.ProblemDetails.Title = "The request could not be read.";
        context.ProblemDetails.Detail = null;
        if (bad.InnerException is JsonException { Path: { } path })
        {
            var field = path.TrimStart('$', '.');
            if (field.Length == 0) field = "body";
            context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]>
            {
                [char.ToLowerInvariant(field[0]) + field[1..]] = ["This value has the wrong type or format."],
            };
        }
    }
}
