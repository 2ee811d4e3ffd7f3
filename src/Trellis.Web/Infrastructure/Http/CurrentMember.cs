using System.Reflection;

namespace Trellis.Web.Infrastructure.Http;

/// <summary>
/// The signed-in member, as an endpoint parameter: <c>(CurrentMember me, …)</c> instead of taking the whole
/// <see cref="HttpContext"/> to read one claim. Bound from the principal; without one the answer is 401 (every
/// member endpoint is behind a policy, so this only matters for an endpoint that forgot its policy).
/// </summary>
public sealed record CurrentMember(Guid Id) : IBindableFromHttpContext<CurrentMember>
{
    public static ValueTask<CurrentMember?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        context.User.MemberIdOrNull() is { } id
            ? ValueTask.FromResult<CurrentMember?>(new CurrentMember(id))
            : throw new BadHttpRequestException("Sign in first.", StatusCodes.Status401Unauthorized);

    public static implicit operator Guid(CurrentMember member) => member.Id;
}
