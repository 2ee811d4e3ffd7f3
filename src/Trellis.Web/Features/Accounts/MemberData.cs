using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Critiques;
using Trellis.Web.Features.Mentorships.Requests;
using Trellis.Web.Features.Messages;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Infrastructure.Auth;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Accounts;

/// <summary>Everything Trellis holds about one member, as they can download it.</summary>
public sealed record MemberExport(
    DateTimeOffset ExportedAt,
    object Account,
    ProfileView? Profile,
    IReadOnlyList<MentorshipView> Mentorships,
    IReadOnlyList<object> Notifications,
    IReadOnlyList<object> NotificationPreferences,
    IReadOnlyList<object> Sessions,
    WorkspaceSections Workspace,
    IReadOnlyDictionary<string, object> More);

public sealed class MemberDataExport(TrellisDbContext db, TimeProvider time, MentorshipHandlers mentorships, IEnumerable<IMemberDataPart> parts)
{
    public async Task<MemberExport> ExportAsync(Guid me, CancellationToken ct)
    {
        var member = await db.Users.AsNoTracking().SingleAsync(u => u.Id == me, ct);
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.MemberId == me, ct);
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.MemberId == me)
            .OrderBy(n => n.CreatedAt)
            .Select(n => (object)new { n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt })
            .ToListAsync(ct);
        var preferences = await db.NotificationPreferences.AsNoTracking().Where(p => p.MemberId == me)
            .Select(p => (object)new { p.Kind, p.Frequency }).ToListAsync(ct);
        var mine = new List<MentorshipView>();
        foreach (var id in await db.Mentorships.Where(m => m.MenteeId == me || m.MentorId == me).OrderBy(m => m.CreatedAt).Select(m => m.Id).ToListAsync(ct))
            mine.Add((await mentorships.GetAsync(me, id, ct)).Value!);
        var sessions = await db.MemberSessions.AsNoTracking().Where(s => s.MemberId == me)
            .Select(s => (object)new { s.CreatedAt, s.ExpiresAt }).ToListAsync(ct);
        var more = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var part in parts) more[part.Name] = await part.ExportAsync(me, ct);
        return new MemberExport(
            time.GetUtcNow(),
            new { member.Id, member.DisplayName, member.Email, member.EmailConfirmed, member.TwoFactorEnabled, member.CreatedAt },
            profile?.ToView(member.DisplayName, member.EmailConfirmed, owner: true),
            mine, notifications, preferences, sessions,
            await new WorkspaceExport(db, me).ExportAsync(ct),
            more);
    }
}

/// <summary>
/// Deleting an account removes everything personal (profile, notifications, preferences, sessions,
/// logins, messages' text, critique files, goals, reflections, blocks, and the workspace data listed on
/// <see cref="WorkspaceErasure"/>, and what each <see cref="IMemberDataPart"/> erases) and replaces the name with "Former member". The member row itself stays, anonymised, so
/// that what the other member of a relationship wrote keeps its history.
/// </summary>
public sealed class AccountDeletion(TrellisDbContext db, UserManager<Member> users, TrellisSignInManager signIn, TimeProvider time, MentorshipHandlers mentorships, CritiqueHandlers critiques, LiveConnections live,
    IEnumerable<IMemberDataPart> parts)
{
    public async Task<Result<bool>> DeleteAsync(Guid me, string password, CancellationToken ct)
    {
        var member = await users.FindByIdAsync(me.ToString());
        if (member is null || member.IsDeleted) return new NotFoundError();
        if (!await signIn.CheckReenteredPasswordAsync(member, password))
            return new Invalid("password", "The password is not correct.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await mentorships.LeaveAllAsync(me, ct);
        var files = await critiques.DetachFilesOfAsync(me, ct);
        await db.EraseAuthoredByAsync(me, time.GetUtcNow(), ct);
        await db.EraseWorkspaceDataOfAsync(me, ct); // private notes, review text, end note, calendar feed, endorsements written
        foreach (var part in parts) await part.EraseAsync(me, time.GetUtcNow(), ct);
        await db.Profiles.Where(p => p.MemberId == me).ExecuteDeleteAsync(ct);
        await db.Goals.Where(g => g.OwnerId == me).ExecuteDeleteAsync(ct); // milestones, notes and links cascade
        await db.Notifications.Where(n => n.MemberId == me).ExecuteDeleteAsync(ct);
        await db.NotificationPreferences.Where(p => p.MemberId == me).ExecuteDeleteAsync(ct);
        await db.Reflections.Where(r => r.AuthorId == me).ExecuteDeleteAsync(ct);
        await db.Blocks.Where(b => b.BlockerId == me || b.BlockedId == me).ExecuteDeleteAsync(ct);
        await db.MemberSessions.Where(s => s.MemberId == me).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(l => l.UserId == me).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == me).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => c.UserId == me).ExecuteDeleteAsync(ct);
        member.Anonymise(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        live.CloseAll(me);
        // Only now: a rolled-back deletion must not have lost the files (the orphan sweep retries failures).
        await critiques.DeleteQuietlyAsync(files, ct);
        return true;
    }
}

public sealed record DeleteAccountRequest(string Password);

public static class MemberDataApi
{
    public static void MapMemberData(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Accounts").RequireAuthorization(Policies.Member);
        me.MapGet("/export", Export).WithName("ExportMyData")
            .WithSummary("Everything Trellis holds about you, as a JSON download.");
        me.MapPost("/delete", Delete).WithName("DeleteMyAccount")
            .WithSummary("Deletes your account after checking your password. Cannot be undone.");
    }

    private static async Task<JsonHttpResult<MemberExport>> Export(HttpContext http, MemberDataExport export, CancellationToken ct)
    {
        var data = await export.ExportAsync(http.User.MemberId(), ct);
        http.Response.Headers.ContentDisposition = "attachment; filename=trellis-export.json";
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(data);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(DeleteAccountRequest request, HttpContext http, AccountDeletion deletion, CancellationToken ct)
    {
        var result = await deletion.DeleteAsync(http.User.MemberId(), request.Password, ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        return TypedResults.NoContent();
    }
}
