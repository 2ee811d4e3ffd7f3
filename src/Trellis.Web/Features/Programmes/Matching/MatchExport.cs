using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using Trellis.Web.Features.Programmes.Enrolment;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Matching;

/// <summary>
/// The programme's matches as CSV: every draft and approved match with where it came from (by hand, a bulk run, a pin),
/// its score and reasons, and the pair's status once approved — a status, never what is inside the pair.
/// </summary>
public sealed class MatchExport(TrellisDbContext db, ProgrammeAccess access)
{
    public static readonly string[] Columns =
        ["mentee_email", "mentee_name", "mentor_email", "mentor_name", "status", "source", "score", "reasons", "pair_status", "created_at", "decided_at"];

    public async Task<Result<byte[]>> MatchesAsync(Guid me, Guid id, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return new NotFoundError("No such programme.");
        var rows = await db.DraftMatches.AsNoTracking().Where(d => d.ProgrammeId == id && d.Status != DraftStatus.Discarded)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .Select(d => new
            {
                d.Status, d.Source, d.Score, d.Reasons, d.CreatedAt, d.DecidedAt,
                Mentee = db.Users.Where(u => u.Id == d.MenteeId).Select(u => new { u.DisplayName, u.Email }).First(),
                Mentor = db.Users.Where(u => u.Id == d.MentorId).Select(u => new { u.DisplayName, u.Email }).First(),
                Pair = db.Mentorships.Where(m => m.Id == d.MentorshipId).Select(m => (Mentorships.MentorshipStatus?)m.Status).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var text = new StringWriter();
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text))
        {
            foreach (var r in rows)
            {
                using var row = writer.NewRow();
                row["mentee_email"].Set(ParticipantExport.Cell(r.Mentee.Email ?? ""));
                row["mentee_name"].Set(ParticipantExport.Cell(r.Mentee.DisplayName));
                row["mentor_email"].Set(ParticipantExport.Cell(r.Mentor.Email ?? ""));
                row["mentor_name"].Set(ParticipantExport.Cell(r.Mentor.DisplayName));
                row["status"].Set(r.Status.ToString().ToLowerInvariant());
                row["source"].Set(SourceWord(r.Source));
                row["score"].Set(r.Score.ToString(CultureInfo.InvariantCulture));
                row["reasons"].Set(ParticipantExport.Cell(string.Join("; ", r.Reasons)));
                row["pair_status"].Set(r.Pair?.ToString().ToLowerInvariant() ?? "");
                row["created_at"].Set(r.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                row["decided_at"].Set(r.DecidedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            }
        }
        if (rows.Count == 0) text.Write(string.Join(",", Columns) + "\n");
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    /// <summary>The words the board shows and the export writes for where a draft came from.</summary>
    public static string SourceWord(DraftSource source) => source switch
    {
        DraftSource.ByHand => "by hand",
        DraftSource.Bulk => "bulk run",
        _ => "pinned",
    };
}
