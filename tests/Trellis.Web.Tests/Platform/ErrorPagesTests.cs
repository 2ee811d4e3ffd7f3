using System.Net;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Platform;

/// <summary>People get a page in the layout for an error; programs keep their problem document.</summary>
public sealed class ErrorPagesTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    [Fact]
    public async Task AMemberPageThatDoesNotExist_AnswersA404PageInTheLayout_NotJson()
    {
        // Anonymous on purpose: public profiles are the one anonymous page with ids in the address.
        // (Any other unknown address sends a visitor to sign in first, so it gives nothing away.)
        var response = await app.Anonymous().GetAsync($"/Members/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1 id=\"error-heading\">We cannot find that page</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<nav aria-label=\"Main\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Accounts/SignIn\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneElsesMentorship_AndAnUnknownAddress_AnswerThe404Page_WithTheWayBackToMyDashboard()
    {
        var member = await app.SignedInAsync("Iris Errorpage");

        foreach (var path in new[] { $"/Mentorships/{Guid.NewGuid()}", "/No/Such/Page" })
        {
            var response = await member.Browser.GetAsync(path);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("We cannot find that page", html, StringComparison.Ordinal);
            Assert.Contains("Go to my dashboard", html, StringComparison.Ordinal);
            Assert.DoesNotContain("\"status\":404", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheAdminArea_ForAMember_IsThe404Page()
    {
        var member = await app.SignedInAsync("Otto Notadmin");

        var response = await member.Browser.GetAsync("/Admin/Reports");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We cannot find that page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApi_KeepsItsProblemDocument()
    {
        var member = await app.SignedInAsync("Pia Apierror");
        var api = await app.ApiAsync(member);

        var response = await api.GetAsync($"/api/v1/mentorships/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, "This page is not open to you")]
    [InlineData(429, "Please slow down a little")]
    [InlineData(500, "Something went wrong")]
    public async Task EachErrorPage_KeepsItsStatusCode_AndSaysWhatHappened(int code, string heading)
    {
        var response = await app.Anonymous().GetAsync($"/Error/{code}");

        Assert.Equal((HttpStatusCode)code, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1 id=\"error-heading\">{heading}</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
