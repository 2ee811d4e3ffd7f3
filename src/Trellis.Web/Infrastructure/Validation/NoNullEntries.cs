using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Trellis.Web.Infrastructure.Validation;

/// <summary>
/// No list in a request body holds <c>null</c>, and no text a NUL character (U+0000, which PostgreSQL cannot store:
/// a 500 there, found by the fuzz test) (issue 16: <c>"languages": ["en", null]</c> reached the handlers, which
/// trimmed it: a 500). Nullability of list entries is erased at run time, so System.Text.Json cannot refuse them by
/// itself. This resolver modifier checks every object's list properties once it is read and refuses a null entry as a
/// value of the wrong shape, so the API's exception handler answers 400 naming the entry (<c>languages[1]</c>,
/// <c>agreement.goals[1]</c>; see <see cref="Http.ProblemDocuments"/>). A hook after reading, not a
/// converter, so the OpenAPI document keeps describing the lists.
/// </summary>
public static class NoNullEntries
{
    private const string EntryKey = "Trellis.NullEntry";

    /// <summary>The field a JSON failure names: its path, plus the empty entry inside that object if this refused one.</summary>
    public static string FieldOf(JsonException failure)
    {
        var at = (failure.Path ?? "").TrimStart('$', '.');
        return failure.Data[EntryKey] is string entry ? (at.Length == 0 ? entry : $"{at}.{entry}") : at;
    }

    public static void Modify(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        var lists = type.Properties.Where(p => p.Get is not null && IsListOfReferences(p.PropertyType)).ToList();
        var texts = type.Properties.Where(p => p.Get is not null && p.PropertyType == typeof(string)).ToList();
        if (lists.Count == 0 && texts.Count == 0) return;
        var before = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            before?.Invoke(value);
            foreach (var text in texts)
                if (text.Get!(value) is string s && s.Contains('\0', StringComparison.Ordinal)) throw Refused(text.Name);
            foreach (var list in lists)
            {
                if (list.Get!(value) is not IEnumerable entries) continue;
                var index = 0;
                foreach (var entry in entries)
                {
                    if (entry is null || (entry is string s && s.Contains('\0', StringComparison.Ordinal))) throw Refused($"{list.Name}[{index}]");
                    index++;
                }
            }
        };
    }

    /// <summary>Without a path of its own, System.Text.Json adds the path of the object being read ("$.agreement");
    /// the field inside it travels in the exception's data.</summary>
    private static JsonException Refused(string field)
    {
        var refused = new JsonException($"{field} is empty or holds a NUL character.");
        refused.Data[EntryKey] = field;
        return refused;
    }

    /// <summary>The same rule for a list that is the whole body (<c>PUT …/preferences</c> takes <c>[…]</c>), which no
    /// object holds: an endpoint filter on the API's root group, answering 400 naming the entry (<c>[0]</c>).</summary>
    public static ValueTask<object?> InBodyListsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is null || !IsListOfReferences(argument.GetType())) continue;
            var index = 0;
            foreach (var entry in (IEnumerable)argument)
            {
                if (entry is null)
                    return ValueTask.FromResult<object?>(TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    {
                        [$"[{index}]"] = [$"Entry {index + 1} of the list is empty."],
                    }));
                index++;
            }
        }
        return next(context);
    }

    private static bool IsListOfReferences(Type type)
    {
        if (type == typeof(string) || typeof(System.Text.Json.Nodes.JsonNode).IsAssignableFrom(type) || !typeof(IEnumerable).IsAssignableFrom(type)) return false;
        var element = type.IsArray ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        return element is { IsValueType: false };
    }
}
