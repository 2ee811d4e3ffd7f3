using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Validation;

namespace Trellis.Web.Infrastructure.Validation;

#pragma warning disable ASP0029 // see RequestRules

/// <summary>
/// A request record the API validates (it is in .NET's validation info) is checked on a page by
/// <see cref="RequestRules"/>, when the handler that sends it runs — not by MVC on every post of the page, which
/// would also say it twice. (MVC ignores [ValidateNever] on a page's own bound property, so this is done here.)
/// </summary>
public sealed class PagesCheckRequestsOnce(IOptions<ValidationOptions> validation) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options) => options.ModelMetadataDetailsProviders.Add(new Provider(validation));

    private sealed class Provider(IOptions<ValidationOptions> validation) : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            // Whether it is the page's property, a handler's parameter or the type itself.
            if (validation.Value.TryGetValidatableTypeInfo(context.Key.ModelType, out _))
                context.ValidationMetadata.ValidateChildren = false;
        }
    }
}
