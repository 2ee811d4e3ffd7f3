using System.ComponentModel;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Trellis.Web.Infrastructure.Validation;

/// <summary>The one place that turns rule parameters into words for people: enum values, lists, field names.</summary>
public static partial class Words
{
    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string Or(IReadOnlyList<string> words) => words.Count switch
    {
        0 => "",
        1 => words[0],
        _ => string.Join(", ", words.Take(words.Count - 1)) + " or " + words[^1],
    };

    /// <summary>An enum value as a person says it: its [Description], or its name split into lower-case words
    /// (<c>CanWaitForNextMeeting</c> → "can wait for next meeting").</summary>
    public static string Of(Enum value)
    {
        var name = value.ToString();
        var member = value.GetType().GetField(name, BindingFlags.Public | BindingFlags.Static);
        return member?.GetCustomAttribute<DescriptionAttribute>()?.Description ?? Split(name);
    }

    /// <summary>"Choose one: video, phone or in person."</summary>
    public static string ChooseOne(Type enumType) =>
        $"Choose one: {Or(Enum.GetValues(enumType).Cast<Enum>().Select(Of).ToList())}.";

    /// <summary>A JSON field name as words: "minYears" → "min years".</summary>
    public static string Field(string name) => Split(name.Split('.')[^1]);

    private static string Split(string name) => Capitals().Replace(name, " $1").Trim().ToLowerInvariant();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex Capitals();
}
