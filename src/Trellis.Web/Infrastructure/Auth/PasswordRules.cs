using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Trellis.Web.Features.Accounts;

namespace Trellis.Web.Infrastructure.Auth;

/// <summary>
/// NIST SP 800-63B: length over composition. 8 to 128 characters, no "one digit and one symbol"
/// rules, and the passwords attackers try first are refused. The list holds the 1,000 most common
/// passwords of 8 characters or more from the zxcvbn frequency list (shorter ones already fail on length).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<Member>
{
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Trellis.CommonPasswords")!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line);
        return set;
    });

    public static int CommonCount => Common.Value.Count;

    public static bool IsCommon(string password) => Common.Value.Contains(password);

    public Task<IdentityResult> ValidateAsync(UserManager<Member> manager, Member user, string? password)
    {
        if (password is null) return Task.FromResult(IdentityResult.Success);
        if (password.Length > MaxLength)
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords must be at most {MaxLength} characters." }));
        if (IsCommon(password))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = "This password is one of the most common ones and easy to guess. Please choose another." }));
        if (user.Email is { } email && password.Equals(email, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordIsEmail", Description = "Your password cannot be your e-mail address." }));
        return Task.FromResult(IdentityResult.Success);
    }
}
