using Microsoft.EntityFrameworkCore;
using Trellis.Web.Features.Mentorships.Workspace;
using Trellis.Web.Features.Notifications;
using Trellis.Web.Features.Profiles;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;
using Trellis.Web.Infrastructure.Validation;

namespace Trellis.Web.Features.Endorsements;

public sealed record EndorsementView(
    Guid Id, Guid MentorshipId, Guid MenteeId, string MenteeName, Guid MentorId, string MentorName,
    string Text, DateTimeOffset WrittenAt, DateTimeOffset? PublishedAt, bool Hidden);

/// <summary>The endorsement of one mentorship as its members see it, and whether the mentee may write one now.</summary>
public sealed record MentorshipEndorsementView(EndorsementView? Endorsement, bool CanWrite, string? NotYet);

public sealed record PublicEndorsementView(Guid Id, Guid MenteeId, string MenteeName, string Text, DateTimeOffset WrittenAt);

/// <summary>What a profile shows of a mentor's track record: their impact and the endorsements they chose to show.</summary>
public sealed record TrackRecordView(Guid MemberId, Impact Impact, IReadOnlyList<PublicEndorsementView> Endorsements);

public sealed record EndorsementRequest(
    [Needed("This field is required: a few words about what working with your mentor meant to you."),
     MaxChars(Endorsement.TextMax, "Must be at most {0} characters.")] string? Text);

/// <summary>Endorsements, for the API and the pages: the mentorship's own methods work inside a
/// <see cref="MentorshipMembership"/> (the caller is one of its two members); requests come checked against their
/// own annotations.</summary>
public sealed class EndorsementHandlers(TrellisDbContext db, Notifier notifier, TimeProvider time, ImpactStats impact, ProfileHandlers profiles)
{
    public Task<MentorshipEndorsementView> GetAsync(MentorshipMembership m, CancellationToken ct) => ViewAsync(m, ct);

    public async Task<Result<MentorshipEndorsementView>> WriteAsync(MentorshipMembership m, EndorsementRequest request, CancellationToken ct)
    {
        var (me, mentorshipId, text) = (m.Me, m.MentorshipId, request.Text!.Trim());
        if (await db.Endorsements.AnyAsync(e => e.MentorshipId == mentorshipId, ct))
            return new ConflictError(AlreadyEndorsed);

        var now = time.GetUtcNow();
        var (endorsement, refusal) = Endorsement.Write(m, await ClosedAtAsync(mentorshipId, ct), text, now);
        if (endorsement is null) return new ConflictError(refusal!);
        db.Endorsements.Add(endorsement);
        await notifier.PublishAsync(m.MentorId, NotificationKind.Endorsement, $"{m.MenteeName} wrote an endorsement of you",
            "Read it, and decide whether it appears on your profile. It stays private until you publish it.", Link(mentorshipId), ct);
        db.AddTimeline(mentorshipId, now, me, "endorsement", $"{m.MenteeName} wrote an endorsement of {m.MentorName}.", Link(mentorshipId));
        if (await db.SaveOrConflictAsync(AlreadyEndorsed, ct) is { } conflict) return conflict;
        return await ViewAsync(m, ct);
    }

    public Task<Result<MentorshipEndorsementView>> PublishAsync(MentorshipMembership m, CancellationToken ct) =>
        MentorDecidesAsync(m, publish: true, ct);

    public Task<Result<MentorshipEndorsementView>> UnpublishAsync(MentorshipMembership m, CancellationToken ct) =>
        MentorDecidesAsync(m, publish: false, ct);

    private async Task<Result<MentorshipEndorsementView>> MentorDecidesAsync(MentorshipMembership m, bool publish, CancellationToken ct)
    {
        var mentorshipId = m.MentorshipId;
        if (!m.IsMentor) return new ConflictError("Only the mentor decides whether an endorsement appears on their profile.");
        var e = await db.Endorsements.SingleOrDefaultAsync(x => x.MentorshipId == mentorshipId, ct);
        if (e is null) return new ConflictError("There is no endorsement to " + (publish ? "publish." : "take off your profile."));
        if (publish && e.HiddenAt is not null) return new ConflictError("This endorsement was hidden after a report and cannot be published.");
        if (publish)
        {
            e.Publish(time.GetUtcNow());
            await notifier.PublishAsync(m.MenteeId, NotificationKind.Endorsement, $"{m.MentorName} shows your endorsement on their profile",
                "Thank you for writing it.", Link(mentorshipId), ct);
        }
        else e.Unpublish();
        await db.SaveChangesAsync(ct);
        return await ViewAsync(m, ct);
    }

    /// <summary>Either member, at any time: the endorsement is deleted, from the profile and from the mentor's list.</summary>
    public async Task<Result<MentorshipEndorsementView>> WithdrawAsync(MentorshipMembership m, CancellationToken ct)
    {
        var (me, mentorshipId) = (m.Me, m.MentorshipId);
        var e = await db.Endorsements.SingleOrDefaultAsync(x => x.MentorshipId == mentorshipId, ct);
        if (e is null) return new ConflictError("There is no endorsement to withdraw.");
        db.Endorsements.Remove(e);
        db.AddTimeline(mentorshipId, time.GetUtcNow(), me, "endorsement", $"{m.MyName} withdrew the endorsement.", Link(mentorshipId));
        await db.SaveChangesAsync(ct);
        return await ViewAsync(m, ct);
    }

    /// <summary>A mentor's impact and published endorsements, to whoever may see their profile.</summary>
    public async Task<Result<TrackRecordView>> TrackRecordAsync(Guid? viewer, Guid memberId, CancellationToken ct)
    {
        var profile = await profiles.ViewAsync(viewer, memberId, ct);
        if (!profile.IsSuccess) return profile.Error;
        return new TrackRecordView(memberId, await impact.ForMentorAsync(memberId, ct), await PublishedAsync(memberId, ct));
    }

    public Task<Impact> MyImpactAsync(Guid me, CancellationToken ct) => impact.ForMentorAsync(me, ct);

    public async Task<IReadOnlyList<PublicEndorsementView>> PublishedAsync(Guid mentorId, CancellationToken ct) =>
        await db.Endorsements.AsNoTracking()
            .Where(e => e.MentorId == mentorId && e.PublishedAt != null && e.HiddenAt == null)
            .OrderByDescending(e => e.PublishedAt)
            .Select(e => new PublicEndorsementView(e.Id, e.MenteeId, db.Users.Where(u => u.Id == e.MenteeId).Select(u => u.DisplayName).First(), e.Text, e.WrittenAt))
            .ToListAsync(ct);

    private const string AlreadyEndorsed =
        "You have endorsed this mentor already. Withdraw it first if you'd like to write it again.";

    public static string Link(Guid mentorshipId) => $"/Mentorships/{mentorshipId}";

    private async Task<MentorshipEndorsementView> ViewAsync(MentorshipMembership m, CancellationToken ct)
    {
        var e = await db.Endorsements.AsNoTracking().SingleOrDefaultAsync(x => x.MentorshipId == m.MentorshipId, ct);
        if (e is not null)
            return new MentorshipEndorsementView(new EndorsementView(e.Id, e.MentorshipId, e.MenteeId, m.MenteeName, e.MentorId, m.MentorName,
                e.Text, e.WrittenAt, e.PublishedAt, e.HiddenAt is not null), false, null);
        if (!m.IsMentee) return new MentorshipEndorsementView(null, false, null);
        var (_, refusal) = Endorsement.Write(m, await ClosedAtAsync(m.MentorshipId, ct), "-", time.GetUtcNow());
        return new MentorshipEndorsementView(null, refusal is null, refusal);
    }

    private Task<DateTimeOffset?> ClosedAtAsync(Guid mentorshipId, CancellationToken ct) =>
        db.Mentorships.Where(m => m.Id == mentorshipId).Select(m => m.ClosedAt).SingleAsync(ct);
}
