using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Features.Critiques;
using Trellis.Web.Infrastructure.Files;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Critiques;

/// <summary>The sweep is driven by hand, and uploads are limited to 1 MB (Files:MaxBytes).</summary>
public sealed class FileStorageApp : TrellisApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:Run"] = "false",
        ["Files:MaxBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class FileStorageTests(FileStorageApp app) : IClassFixture<FileStorageApp>
{
    [Fact]
    public async Task TheSizeLimit_ComesFromConfiguration()
    {
        var pair = await app.ActivePairAsync("Tom Limit", "Maria Limit");
        var justUnder = new byte[1024 * 1024];
        SampleFiles.Pdf().CopyTo(justUnder, 0);
        await pair.Mentee.SubmitOkAsync(pair.Id, CritiqueBuilders.Work(file: justUnder));
        var before = app.StoredFiles();

        var over = new byte[1024 * 1024 + 1];
        SampleFiles.Pdf().CopyTo(over, 0);
        var response = await pair.Mentee.SubmitAsync(pair.Id, CritiqueBuilders.Work(title: "Too big", file: over));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await CritiqueBuilders.ProblemAsync(response);
        Assert.Contains("larger than 1 MB", problem["errors"]!["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Critiques.CountAsync(c => c.MentorshipId == pair.Id)));
        Assert.Equal(before.Order(), app.StoredFiles().Order());
    }

    [Fact]
    public async Task TheSweep_RemovesOldFilesNoCritiqueRefersTo_AndKeepsTheRest()
    {
        var pair = await app.ActivePairAsync("Tom Sweep", "Maria Sweep");
        await pair.Mentee.SubmitOkAsync(pair.Id, CritiqueBuilders.Work(file: SampleFiles.Pdf()));
        var kept = await app.WithDbAsync(db => db.Critiques.Where(c => c.MentorshipId == pair.Id).Select(c => c.File!.Key).SingleAsync());
        var store = app.Services.GetRequiredService<IFileStore>();
        // As if a deletion had committed and the process had died before removing the file.
        var orphan = await store.SaveAsync(new MemoryStream(SampleFiles.Png()), default);

        var options = app.Services.GetRequiredService<IOptions<FileStoreOptions>>();
        var soon = new OrphanFileSweep(app.Services.GetRequiredService<IServiceScopeFactory>(), store, options, new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(30)), NullLogger<OrphanFileSweep>.Instance);
        Assert.Equal(0, await soon.RunOnceAsync(default)); // an upload in flight is younger than an hour: left alone
        Assert.Contains(app.StoredFiles(), f => Path.GetFileName(f) == orphan);

        var later = new OrphanFileSweep(app.Services.GetRequiredService<IServiceScopeFactory>(), store, options, new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(2)), NullLogger<OrphanFileSweep>.Instance);
        Assert.Equal(1, await later.RunOnceAsync(default));
        Assert.Equal(0, await later.RunOnceAsync(default));

        Assert.DoesNotContain(app.StoredFiles(), f => Path.GetFileName(f) == orphan);
        Assert.Contains(app.StoredFiles(), f => Path.GetFileName(f) == kept);
    }

    [Fact]
    public async Task TheStore_RefusesKeysItDidNotMake()
    {
        var store = app.Services.GetRequiredService<IFileStore>();
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync("../trellis.db", default));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync("..", default));
        Assert.Null(await store.OpenReadAsync(Guid.NewGuid().ToString("N"), default));
    }
}
