using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Web.Infrastructure.Http;
using Trellis.Web.Infrastructure.Validation;

namespace Trellis.Web.Features.Shared;

public abstract class TrellisPageModel : PageModel
{
    protected Guid Me => User.MemberId();

    /// <summary>"true" when the field has an error, so the input gets aria-invalid and screen readers say so.</summary>
    public string? AriaInvalid(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.ValidationState == ModelValidationState.Invalid ? "true" : null;

    /// <summary>The request record's own rules (its annotations, as the API checks them); any error lands next to the
    /// field it names, under <paramref name="prefix"/>.</summary>
    protected async Task<bool> ValidAsync(object request, CancellationToken ct, string prefix = "Input")
    {
        var invalid = await CheckAsync(request, ct);
        if (invalid is not null) AddErrors(invalid, prefix);
        return invalid is null;
    }

    /// <summary>The request record's own rules, as an error to show (null when it passes).</summary>
    protected Task<Invalid?> CheckAsync(object request, CancellationToken ct) =>
        HttpContext.RequestServices.GetRequiredService<RequestRules>().CheckAsync(request, ct);

    /// <summary>Puts an expected failure next to the field it names (or at the top of the form).</summary>
    protected void AddErrors(Error error, string prefix = "Input")
    {
        if (error is Invalid invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
                foreach (var message in messages)
                    ModelState.AddModelError(FieldKey(prefix, field), message);
        }
        else
        {
            ModelState.AddModelError("", error.Detail);
        }
    }

    /// <summary>"careerHistory[0].title" → "Input.CareerHistory[0].Title": JSON names to form names.</summary>
    private static string FieldKey(string prefix, string field) => prefix.Length == 0
        ? field // query-string forms use the API's own names
        : prefix + "." + string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
