using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.FindMentor;

[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(MentorSearch search) : TrellisPageModel
{
    public MentorQuery Query { get; private set; } = new();
    public MentorResults? Results { get; private set; }
    public bool FiltersUsed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q, string? field, string? skill, string? languages, [FromQuery] string[]? formats,
        string? minOverlapHours, string? minYears, string? maxYears, bool peerOrReverse,
        [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) // "page" alone would bind the Razor page's route value
    {
        Query = new MentorQuery
        {
            Q = q, Field = field, Skill = skill,
            Languages = (languages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Formats = formats ?? [],
            MinOverlapHours = Number<double>(nameof(minOverlapHours), minOverlapHours, double.TryParse),
            MinYears = Number<int>(nameof(minYears), minYears, int.TryParse),
            MaxYears = Number<int>(nameof(maxYears), maxYears, int.TryParse),
            PeerOrReverse = peerOrReverse, Page = pageNumber,
        };
        FiltersUsed = field is not null || skill is not null || languages is not null || formats is { Length: > 0 } || minOverlapHours is not null
                      || minYears is not null || maxYears is not null || peerOrReverse;
        if (!ModelState.IsValid) return Page();
        var result = await search.SearchAsync(Me, Query, ct);
        if (result.IsSuccess) Results = result.Value;
        else AddErrors(result.Error, prefix: "");
        return Page();
    }

    public string PageLink(int page)
    {
        var query = Request.Query.Where(kv => kv.Key != "page").SelectMany(kv => kv.Value.Select(v => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return "/Mentors?" + string.Join('&', query.Append($"page={page}"));
    }

    private delegate bool TryParse<T>(string? text, out T value);

    private T? Number<T>(string name, string? text, TryParse<T> parse) where T : struct
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (parse(text, out var value)) return value;
        ModelState.AddModelError(name, "Please enter a number.");
        return null;
    }
}
