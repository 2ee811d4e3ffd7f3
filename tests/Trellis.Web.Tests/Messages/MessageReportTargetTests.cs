using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Features.Moderation;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Messages;

/// <summary>Moderation reaches a message only through <see cref="IReportTarget"/>; tested directly through a scope.</summary>
public sealed class MessageReportTargetTests(TrellisApp app) : IClassFixture<TrellisApp>
{
    private async Task<T> WithTargetAsync<T>(Func<IReportTarget, TrellisDbContext, Task<T>> act)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var target = scope.ServiceProvider.GetServices<IReportTarget>().Single(t => t.Kind == ReportKind.Message);
        return await act(target, scope.ServiceProvider.GetRequiredService<TrellisDbContext>());
    }

    [Fact]
    public async Task FindAsync_ShowsTheMessage_ToItsTwoMembersAndAnAdministrator_AndNobodyElse()
    {
        var pair = await app.PairAsync("Maria Report", "Tom Report");
        var outsider = await app.PairAsync("Olga Report", "Otto Report");
        var message = await pair.Mentee.SentAsync(pair.Id, "Something rude");
        var id = message.MessageId();

        foreach (var viewer in new Guid?[] { pair.Mentor.Id, pair.Mentee.Id, null })
        {
            var found = await WithTargetAsync((t, _) => t.FindAsync(id, viewer, default));
            Assert.NotNull(found);
            Assert.Equal(ReportKind.Message, found.Kind);
            Assert.Equal(pair.Mentee.Id, found.AuthorId);
            Assert.Equal("Something rude", found.Text);
            Assert.False(found.Hidden);
        }
        Assert.Null(await WithTargetAsync((t, _) => t.FindAsync(id, outsider.Mentee.Id, default)));
        Assert.Null(await WithTargetAsync((t, _) => t.FindAsync(Guid.NewGuid(), null, default)));
    }

    [Fact]
    public async Task HideAsync_HidesItFromBothMembers_TheAdministratorStillSeesTheText()
    {
        var pair = await app.PairAsync("Maria Hide", "Tom Hide");
        var message = await pair.Mentee.SentAsync(pair.Id, "Something abusive");
        var id = message.MessageId();

        Assert.True(await WithTargetAsync(async (t, db) =>
        {
            var hidden = await t.HideAsync(id, DateTimeOffset.UtcNow, default);
            await db.SaveChangesAsync();
            return hidden;
        }));
        Assert.False(await WithTargetAsync((t, _) => t.HideAsync(Guid.NewGuid(), DateTimeOffset.UtcNow, default)));

        var asAdmin = await WithTargetAsync((t, _) => t.FindAsync(id, null, default));
        Assert.True(asAdmin!.Hidden);
        Assert.Equal("Something abusive", asAdmin.Text);
        var asMember = await WithTargetAsync((t, _) => t.FindAsync(id, pair.Mentor.Id, default));
        Assert.True(asMember!.Hidden);
        Assert.Equal("", asMember.Text);

        foreach (var who in new[] { pair.Mentor, pair.Mentee })
        {
            var item = (await who.ListAsync(pair.Id))["items"]!.AsArray().Single()!;
            Assert.Equal("Hidden", (string)item["state"]!);
            Assert.Null(item["body"]);
            var page = await who.Member.Browser.GetStringAsync(pair.Page);
            Assert.Contains("hidden by a moderator", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Something abusive", page, StringComparison.Ordinal);
        }
        // The author can neither edit nor erase what moderators need to see.
        var url = $"{pair.Messages}/{id}";
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await pair.Mentee.Api.PutAsJsonAsync(url, new { body = "Nothing to see" })).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await pair.Mentee.Api.DeleteAsync(url)).StatusCode);
        Assert.Equal("Something abusive", await app.WithDbAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.Body).SingleAsync()));
    }

    [Fact]
    public async Task ADeletedMessage_HasNothingLeftToModerate()
    {
        var pair = await app.PairAsync("Maria Gone", "Tom Gone");
        var message = await pair.Mentee.SentAsync(pair.Id, "Regrettable");
        await pair.Mentee.Api.DeleteAsync($"{pair.Messages}/{message.MessageId()}");
        Assert.Null(await WithTargetAsync((t, _) => t.FindAsync(message.MessageId(), null, default)));
    }
}
