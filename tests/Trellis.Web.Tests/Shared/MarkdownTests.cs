using Trellis.Web.Features.Shared;

namespace Trellis.Web.Tests.Shared;

public sealed class MarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<svg onload=alert(1)>")]
    public void HostilePayloads_LoseEverythingThatCouldRun(string payload)
    {
        var html = Markdown.ToSafeHtml(payload);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // Escaped text may mention "javascript:"; no attribute may carry it.
        Assert.DoesNotMatch("(?i)<[^>]*(href|src|action)\\s*=\\s*[\"']?\\s*(javascript|data):", html);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<[^>]+\\son[a-z]+=", html);
    }

    [Fact]
    public void OrdinaryMarkdown_StillReadsAsWritten()
    {
        var html = Markdown.ToSafeHtml("**Bold** and _quiet_\n\n- one\n- two\n\nSee https://example.org/a?b=1 and [the guide](https://example.org/guide).");
        Assert.Contains("<strong>Bold</strong>", html);
        Assert.Contains("<em>quiet</em>", html);
        Assert.Contains("<li>one</li>", html);
        Assert.Contains("href=\"https://example.org/guide\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
        Assert.Contains("href=\"https://example.org/a?b=1\"", html);
    }

    [Fact]
    public void RawHtml_IsShownAsText_NotDropped()
    {
        var html = Markdown.ToSafeHtml("I wrote <b>this</b> myself");
        Assert.Contains("&lt;b&gt;this&lt;/b&gt;", html);
    }
}
