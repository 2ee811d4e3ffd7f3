using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Tests.Infrastructure;
using Trellis.Web.Tests.Mentorships;

namespace Trellis.Web.Tests.Platform;

/// <summary>One call the probe made and what came back (the body only for answers that are not 404).</summary>
public sealed record ProbeCall(string What, HttpStatusCode Status, string Body);

/// <summary>
/// The privacy guards' inventory: every API route (each method), every page and every page form handler under some
/// route prefixes, found in the EndpointDataSource (so a new endpoint is covered the day it is added), called as one
/// member with the route parameters filled from the objects a test made. Shared by the third-member guard
/// (ThirdMemberTests) and the coordinator guard (Programmes/CoordinatorPrivacyTests).
/// </summary>
public sealed class EndpointProbe(TrellisApp app, IReadOnlyCollection<string> apiPrefixes, IReadOnlyCollection<string> pagePrefixes,
    IReadOnlySet<string>? except = null)
{
    private IReadOnlySet<string> Except { get; } = except ?? new HashSet<string>();

    /// <summary>Every (route, method) of the API under the prefixes.</summary>
    public List<(string Route, string Method, RouteEndpoint Endpoint)> Api() =>
        [.. Endpoints()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null && Under(Route(e), apiPrefixes))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST", "PUT", "DELETE"]).Select(m => (Route(e), m, e)))
            .OrderBy(x => x.Item1, StringComparer.Ordinal).ThenBy(x => x.m, StringComparer.Ordinal)];

    /// <summary>Every page under the prefixes.</summary>
    public List<string> Pages() =>
        [.. Endpoints()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(Route).Where(r => Under(r, pagePrefixes)).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Every POST handler (OnPost, OnPostX) of those pages, found on the page model types.</summary>
    public List<(string Route, string Handler)> PagePostHandlers()
    {
        var found = new List<(string, string)>();
        foreach (var e in Endpoints().Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && Under(Route(e), pagePrefixes)))
        {
            var model = e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>()?.ModelTypeInfo;
            Assert.True(model is not null, $"{Route(e)}: page model type not found");
            foreach (var method in model.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                         .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)))
            {
                var handler = method.Name["OnPost".Length..];
                if (handler.EndsWith("Async", StringComparison.Ordinal)) handler = handler[..^"Async".Length];
                found.Add((Route(e), handler));
            }
        }
        return [.. found.Distinct().OrderBy(f => f.Item1, StringComparer.Ordinal).ThenBy(f => f.Item2, StringComparer.Ordinal)];
    }

    /// <summary>Calls every API route and page (GET, then each form handler posted with a valid antiforgery token
    /// of the caller's own and no fields) as <paramref name="who"/>, routes filtered by <paramref name="which"/>;
    /// with <paramref name="readOnly"/> only the GETs.</summary>
    public async Task<List<ProbeCall>> CallEverythingAsync(Person who, IReadOnlyDictionary<string, string> ids, Func<string, bool>? which = null,
        bool readOnly = false)
    {
        which ??= _ => true;
        var calls = new List<ProbeCall>();
        foreach (var (route, method, endpoint) in Api().Where(a => which(a.Route) && (!readOnly || a.Method == "GET")))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(route, ids) + Query(endpoint, route, ids)) { Content = BodyFor(method, endpoint) };
            using var response = await who.Api.SendAsync(request);
            calls.Add(await CallAsync($"{method} {route}", response));
        }
        foreach (var route in Pages().Where(which))
        {
            using var response = await who.Member.Browser.GetAsync(Fill(route, ids) + Query(PageEndpoint(route), route, ids));
            calls.Add(await CallAsync($"GET page {route}", response));
        }
        if (readOnly) return calls;
        var token = Forms.AntiforgeryToken(await who.Member.Browser.GetStringAsync("/Profile/Edit"));
        foreach (var (route, handler) in PagePostHandlers().Where(p => which(p.Route)))
        {
            var url = Fill(route, ids) + (handler.Length > 0 ? $"?handler={handler}" : "");
            using var response = await who.Member.Browser.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
            calls.Add(await CallAsync($"POST page {route} handler '{handler}'", response));
        }
        return calls;
    }

    /// <summary>The calls that did not answer 404, one line each, for an assertion message.</summary>
    public static List<string> Not404(IEnumerable<ProbeCall> calls) =>
        [.. calls.Where(c => c.Status != HttpStatusCode.NotFound).Select(c => $"{c.What}: {(int)c.Status} {Short(c.Body)}")];

    private static async Task<ProbeCall> CallAsync(string what, HttpResponseMessage response) =>
        new(what, response.StatusCode, response.StatusCode == HttpStatusCode.NotFound ? "" :
            await response.Content.ReadAsStringAsync() + " " + response.Headers.Location);

    public static bool HasChildId(string route) => RoutePatternFactory.Parse(route).Parameters.Count > 1;

    private List<RouteEndpoint> Endpoints() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    private static string Route(RouteEndpoint e) => "/" + (e.RoutePattern.RawText ?? "").Trim('/');

    private bool Under(string route, IEnumerable<string> prefixes) =>
        prefixes.Any(prefix => route == prefix || route.StartsWith(prefix + "/", StringComparison.Ordinal) || route.StartsWith(prefix + ".", StringComparison.Ordinal))
        && !Except.Contains(route);

    /// <summary>The route with each parameter replaced by the id of the object of that kind the test made.
    /// A parameter nobody made an object for fails the test: make one.</summary>
    public static string Fill(string route, IReadOnlyDictionary<string, string> ids)
    {
        var url = route;
        foreach (var parameter in RoutePatternFactory.Parse(route).Parameters)
        {
            Assert.True(ids.TryGetValue(parameter.Name, out var value), $"{route}: no object made for route parameter '{parameter.Name}'; make one");
            var start = url.IndexOf("{" + parameter.Name, StringComparison.Ordinal);
            var end = url.IndexOf('}', start);
            url = url[..start] + value + url[(end + 1)..];
        }
        return url;
    }

    /// <summary>The query string for the ids an endpoint needs besides its route's: a minimal API handler's Guid
    /// parameters without a default, a page's Guid properties bound on GET. Without them the call would fail on
    /// binding (400) before reaching any rule; with them it reaches the rule the guard is about.</summary>
    private static string Query(RouteEndpoint endpoint, string route, IReadOnlyDictionary<string, string> ids)
    {
        var inRoute = RoutePatternFactory.Parse(route).Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var names = endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler
            ? handler.GetParameters().Where(p => p.ParameterType == typeof(Guid) && !p.HasDefaultValue).Select(p => p.Name!)
            : endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>()?.ModelTypeInfo?.GetProperties()
                  .Where(p => p.PropertyType == typeof(Guid) && p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>()?.SupportsGet == true)
                  .Select(p => p.Name) ?? [];
        var byName = new Dictionary<string, string>(ids, StringComparer.OrdinalIgnoreCase);
        var pairs = names.Where(n => !inRoute.Contains(n)).Select(n =>
        {
            Assert.True(byName.TryGetValue(n, out var value), $"{route}: no object made for query parameter '{n}'; make one");
            return $"{n}={value}";
        }).ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join("&", pairs);
    }

    private RouteEndpoint PageEndpoint(string route) =>
        Endpoints().First(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && Route(e) == route);

    /// <summary>A plausible body: a small valid form where the endpoint takes a form, otherwise "{}".</summary>
    public static HttpContent? BodyFor(string method, RouteEndpoint endpoint)
    {
        if (method is "GET" or "DELETE") return null;
        var accepts = endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().SelectMany(a => a.ContentTypes).ToList();
        if (accepts.Any(t => t.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) || t.Contains("form-urlencoded", StringComparison.OrdinalIgnoreCase)))
            return Critiques.CritiqueBuilders.Work(title: "Outsider", file: Encoding.UTF8.GetBytes("%PDF-1.4\n%%EOF\n"), fileName: "x.pdf");
        if (accepts.Any(t => t.Contains("csv", StringComparison.OrdinalIgnoreCase)))
            return new StringContent("email,role\noutsider@example.org,mentee\n", Encoding.UTF8, new MediaTypeHeaderValue("text/csv"));
        return new StringContent("{}", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
    }

    private static string Short(string text) => text.Length > 200 ? text[..200] : text;
}

