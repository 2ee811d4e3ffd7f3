namespace Trellis.Web.Infrastructure;

/// <summary>
/// Absolute links for e-mails come from configuration (App:BaseUrl), never from the request's Host
/// header, which an attacker controls in a password-reset request.
/// </summary>
public sealed class SiteLinks(IConfiguration configuration)
{
    private readonly string _base = (configuration["App:BaseUrl"] ?? "http://localhost:5080").TrimEnd('/');

    public string Absolute(string path) => _base + (path.StartsWith('/') ? path : "/" + path);
}
