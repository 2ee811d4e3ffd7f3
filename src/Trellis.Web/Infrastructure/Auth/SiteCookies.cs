namespace Trellis.Web.Infrastructure.Auth;

/// <summary>
/// Served over HTTPS (App:BaseUrl starts with https://), every cookie is <c>__Host-</c> prefixed and
/// Secure. On a laptop at http://localhost the same cookies go without the Secure flag and prefix,
/// which a browser would otherwise refuse over plain HTTP (see ADR 0005).
/// </summary>
public sealed class SiteCookies(bool secure)
{
    public bool Secure { get; } = secure;

    public static SiteCookies From(IConfiguration configuration) =>
        new((configuration["App:BaseUrl"] ?? "").StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    public string Name(string name) => Secure ? "__Host-" + name : name;

    public void Apply(CookieBuilder cookie, string name, SameSiteMode sameSite = SameSiteMode.Lax)
    {
        cookie.Name = Name(name);
        cookie.SecurePolicy = Secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        cookie.HttpOnly = true;
        cookie.SameSite = sameSite;
        cookie.Path = "/";
    }
}
