using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Shared;

public abstract class TrellisPageModel : PageModel
{
    protected Guid Me => User.MemberId();

    /// <summary>"true" when the field has an error, so the input gets aria-invalid and screen readers say so.</summary>
    public string? AriaInvalid(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.ValidationState == ModelValidationState.Invalid ? "true" : null;

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
