using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Validation;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Infrastructure.Validation;

// .NET 10 marks the resolver API that AddValidation() fills "for evaluation" (ASP0029). The pages use it so that
// they check exactly what the API checks; if the API changes, this file is the one place to adapt.
#pragma warning disable ASP0029

/// <summary>
/// A request record's annotations, checked by the same engine the API runs (<c>AddValidation()</c>), for the pages:
/// a page that sends the record to a handler checks it here first, and the errors — keyed by JSON name, exactly as
/// in the API's problem document — land next to its fields (<c>TrellisPageModel.ValidAsync</c>).
/// </summary>
public sealed class RequestRules(IOptions<ValidationOptions> options, IServiceProvider services)
{
    public async Task<Invalid?> CheckAsync(object request, CancellationToken ct)
    {
        if (!options.Value.TryGetValidatableTypeInfo(request.GetType(), out var info)) return null;
        var context = new ValidateContext
        {
            ValidationOptions = options.Value,
            ValidationContext = new ValidationContext(request, services, items: null),
        };
        await info.ValidateAsync(request, context, ct);
        return context.ValidationErrors is { Count: > 0 } errors
            ? new Invalid(errors.ToDictionary(e => ProblemDocuments.JsonPath(e.Key), e => e.Value))
            : null;
    }
}
