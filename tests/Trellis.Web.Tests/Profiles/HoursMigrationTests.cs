using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Trellis.Web.Tests.FindMentor;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Profiles;

/// <summary>
/// Before hours a month were optional, "did not say" was stored as 0; the migrations turn those into "not said" and
/// back, on the provider under test, without touching a real figure.
/// </summary>
public sealed class HoursMigrationTests(FindMentorApp app) : IClassFixture<FindMentorApp>
{
    [Fact]
    public async Task StoredZeroHours_BecomeNotSaid_AndARealFigureIsKept_BothWays()
    {
        var silent = await app.SignedInAsync("Silent Mentor");
        await app.SetProfileAsync(silent, new() { ["hoursPerMonth"] = null });
        var busy = await app.SignedInAsync("Busy Mentor");
        await app.SetProfileAsync(busy, new() { ["hoursPerMonth"] = 5 });

        await MigrateAsync("AddDirectStart");
        Assert.Equal(0, await HoursAsync(silent));
        Assert.Equal(5, await HoursAsync(busy));

        await MigrateAsync(null);
        Assert.Null(await HoursAsync(silent));
        Assert.Equal(5, await HoursAsync(busy));
    }

    private Task MigrateAsync(string? target) => app.WithDbAsync(db => db.GetService<IMigrator>().MigrateAsync(target));

    // Raw SQL: while migrated down, the column no longer matches the model.
    private Task<int?> HoursAsync(TestMember member) => app.WithDbAsync(db =>
        db.Database.SqlQueryRaw<int?>("SELECT \"HoursPerMonth\" AS \"Value\" FROM \"Profiles\" WHERE \"MemberId\" = {0}", member.Id).SingleAsync());
}
