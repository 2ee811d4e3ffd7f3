using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Trellis.Web.Features.Accounts;
using Trellis.Web.Features.Shared;
using Trellis.Web.Infrastructure.Auth;

namespace Trellis.Web.Features.Settings;

[Authorize(Policy = Policies.Member)]
public sealed class ExportModel(MemberDataExport export) : TrellisPageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var data = await export.ExportAsync(Me, ct);
        Response.Headers.CacheControl = "no-store";
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(data, ExportJson.Options);
        return File(json, "application/json", "trellis-export.json");
    }
}

public static class ExportJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
