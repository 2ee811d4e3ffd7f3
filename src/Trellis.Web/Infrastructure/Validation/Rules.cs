using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Trellis.Web.Infrastructure.Validation;

// The field rules of request records, shared by the API (.NET's AddValidation) and the pages (MVC model
// validation): both run these attributes, so a rule and its words exist once. The words are for people —
// "Must be between 15 and 240 minutes", not "The field MeetingMinutes must be between 15 and 240" — and a
// field that deserves its own sentence ("Write the note.") passes it in.

/// <summary>Must be given; blank text counts as missing.</summary>
public sealed class NeededAttribute : RequiredAttribute
{
    public NeededAttribute(string message = "This field is required.") => ErrorMessage = message;
}

/// <summary>A whole number within a range, said with its unit ("between 1 and 36 months").</summary>
public sealed class BetweenAttribute : RangeAttribute
{
    public BetweenAttribute(int minimum, int maximum, string unit = "") : base(minimum, maximum) =>
        ErrorMessage = $"Must be between {minimum} and {maximum}{(unit.Length > 0 ? " " + unit : "")}.";
}

/// <summary>Text of at most <paramref name="maximum"/> characters once trimmed. A custom message may use {0} for the
/// limit and {1} for the length sent.</summary>
public sealed class MaxCharsAttribute(int maximum, string message = "Must be at most {0} characters; this has {1}.")
    : ValidationAttribute
{
    public int Maximum => maximum;

    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        value is string text && text.Trim().Length > maximum
            ? new ValidationResult(string.Format(CultureInfo.InvariantCulture, message, maximum, text.Trim().Length))
            : ValidationResult.Success;
}

/// <summary>An enum value the type defines: JSON may carry any number ("medium": 7). The message names the choices
/// in words ("Choose one: can wait for the next meeting, this week or today."), never as C# names.</summary>
public sealed class OneOfAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        value is Enum e && !Enum.IsDefined(e.GetType(), e)
            ? new ValidationResult(Words.ChooseOne(e.GetType()))
            : ValidationResult.Success;
}

/// <summary>
/// A list of short texts: at most <paramref name="maxEntries"/>, none blank, each at most <paramref name="maxChars"/>
/// characters and, with <see cref="Allowed"/> (comma-separated, lower case), each one of those values.
/// <see cref="Noun"/> words the messages ("At most 10 goals."); <see cref="AtLeastOne"/> makes an empty list an error.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class EntriesAttribute(int maxEntries, int maxChars) : ValidationAttribute
{
    public string Noun { get; init; } = "entries";
    public string? Allowed { get; init; }
    public string? AtLeastOne { get; init; }

    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        if (value is null) return AtLeastOne is null ? ValidationResult.Success : new ValidationResult(AtLeastOne);
        if (value is not IEnumerable<string?> list) return new ValidationResult("Must be a list.");
        var entries = list.ToList();
        if (AtLeastOne is not null && entries.All(string.IsNullOrWhiteSpace)) return new ValidationResult(AtLeastOne);
        if (entries.Count > maxEntries) return new ValidationResult($"At most {maxEntries} {Noun}.");
        if (AtLeastOne is null && entries.Any(string.IsNullOrWhiteSpace))
            return new ValidationResult("Entries cannot be empty.");
        if (entries.Any(e => e?.Trim().Length > maxChars))
            return new ValidationResult($"Each of the {Noun} must be at most {maxChars} characters.");
        var allowed = Allowed?.Split(',');
        if (allowed is not null && entries.FirstOrDefault(e => !string.IsNullOrWhiteSpace(e)
                && !allowed.Contains(e.Trim().ToLowerInvariant())) is { } wrong)
            return new ValidationResult($"'{wrong}' is not one of: {string.Join(", ", allowed)}.");
        return ValidationResult.Success;
    }
}

/// <summary>Text naming one of an enum's values (any case), never its number: for fields kept as text so that an
/// unknown value is a 400 naming the field rather than a body that does not parse. Blank is left to <c>[Needed]</c>.
/// Handlers read the value with <see cref="Parse{T}"/> once the request has passed.</summary>
public sealed class NameOfAttribute(Type enumType, string message) : ValidationAttribute(message)
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        value is string text && text.Trim().Length > 0 && TryParse(enumType, text) is null
            ? new ValidationResult(ErrorMessage)
            : ValidationResult.Success;

    public static T Parse<T>(string text) where T : struct, Enum => (T)(TryParse(typeof(T), text)
        ?? throw new ArgumentException($"'{text}' names no {typeof(T).Name}; the request's [NameOf] should have said so."));

    private static object? TryParse(Type type, string text) =>
        !int.TryParse(text, out _) && Enum.TryParse(type, text, ignoreCase: true, out var value) && Enum.IsDefined(type, value!)
            ? value
            : null;
}
