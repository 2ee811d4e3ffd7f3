namespace Trellis.Web.Domain;

/// <summary>
/// Expected failures are values (STYLE.md §3), in the domain's own words: entities and handlers return them
/// without knowing about HTTP; <c>Infrastructure.Http.ErrorResults</c> maps them to problem documents in one place
/// and pages put them next to the field (ADR 0023).
/// </summary>
public abstract record Error(string Detail);

/// <summary>Not found and not allowed look the same to the caller.</summary>
public sealed record NotFoundError(string Detail = "Not found.") : Error(Detail);

public sealed record ConflictError(string Detail) : Error(Detail);

/// <summary>The caller may see the thing but not do this to it (a coordinator who is not the programme's owner).</summary>
public sealed record ForbiddenError(string Detail) : Error(Detail);

/// <summary>One or more fields are not valid, keyed by the field's name as the caller sent it.</summary>
public sealed record Invalid(IDictionary<string, string[]> Errors) : Error("One or more fields are not valid.")
{
    public Invalid(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }
}
