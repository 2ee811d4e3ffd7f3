using System.ComponentModel.DataAnnotations;

namespace Trellis.Web.Features.Resources;

/// <summary>
/// ISBNs as people type them: ISBN-10 (last digit may be X) or ISBN-13, with hyphens or spaces anywhere.
/// The check digit must be right. Every valid ISBN is stored as ISBN-13 (an ISBN-10 becomes 978 + its first
/// nine digits + a new check digit), so the same book is the same string whichever form was typed.
/// </summary>
public static class Isbn
{
    /// <summary>The ISBN-13 digits, or null when the input is not a valid ISBN.</summary>
    public static string? Normalise(string? input)
    {
        if (input is null) return null;
        var compact = new string(input.Where(c => c is not ('-' or ' ')).ToArray()).ToUpperInvariant();
        return compact.Length switch
        {
            10 when IsValid10(compact) => To13(compact[..9]),
            13 when IsValid13(compact) => compact,
            _ => null,
        };
    }

    public static bool IsValid10(string s)
    {
        if (s.Length != 10 || !s[..9].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(s[9]) || s[9] == 'X')) return false;
        var sum = 0;
        for (var i = 0; i < 10; i++) sum += (10 - i) * (s[i] == 'X' ? 10 : s[i] - '0');
        return sum % 11 == 0;
    }

    public static bool IsValid13(string s) =>
        s.Length == 13 && s.All(char.IsAsciiDigit) && (s.StartsWith("978", StringComparison.Ordinal) || s.StartsWith("979", StringComparison.Ordinal))
        && CheckDigit13(s[..12]) == s[12];

    /// <summary>The ISBN-13 check digit for twelve digits: weights 1, 3, 1, 3, …</summary>
    public static char CheckDigit13(string twelve)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (i % 2 == 0 ? 1 : 3) * (twelve[i] - '0');
        return (char)('0' + (10 - sum % 10) % 10);
    }

    /// <summary>The ISBN-10 check character for nine digits (X stands for 10).</summary>
    public static char CheckDigit10(string nine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (10 - i) * (nine[i] - '0');
        var check = (11 - sum % 11) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    private static string To13(string nine) => "978" + nine + CheckDigit13("978" + nine);

    /// <summary>978-0-13-468599-1 style for display: prefix, then the rest in one group (the real grouping needs the ranges table).</summary>
    public static string Display(string isbn13) => $"{isbn13[..3]}-{isbn13[3..]}";
}

/// <summary>The field's rule for request records: empty, or an ISBN <see cref="Isbn.Normalise"/> accepts.</summary>
public sealed class IsbnAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        value is string text && !string.IsNullOrWhiteSpace(text) && Isbn.Normalise(text) is null
            ? new ValidationResult("This is not a valid ISBN: check the digits (ISBN-10 or ISBN-13, hyphens allowed).")
            : ValidationResult.Success;
}
