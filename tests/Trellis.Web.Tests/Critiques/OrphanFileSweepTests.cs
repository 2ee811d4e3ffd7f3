using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Trellis.Web.Features.Critiques;
using Trellis.Web.Infrastructure.Files;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Critiques;

public sealed class AppWithoutJobs : TrellisApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:Run"] = "false" };
}

public sealed class OrphanFileSweepTests(AppWithoutJobs app) : IClassFixture<AppWithoutJobs>
{
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
