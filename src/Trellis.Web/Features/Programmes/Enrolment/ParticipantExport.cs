using System.Text;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using Trellis.Web.Infrastructure.Data;
using Trellis.Web.Infrastructure.Http;

namespace Trellis.Web.Features.Programmes.Enrolment;

/// <summary>
/// Participants and their answers as CSV, in the import's own columns (plus status and dates, which an import
/// reads past), so a coordinator can export, edit in a spreadsheet and import again.
/// </summary>
public sealed class ParticipantExport(TrellisDbContext db, ProgrammeAccess access)
{
    public async Task<Result<byte[]>> ParticipantsAsync(Guid me, Guid id, CancellationToken ct)
    {
        if (await access.FindAsync(me, id, ct) is null) return new NotFoundError("No such programme.");
        var questions = await db.EnrolmentQuestions.AsNoTracking().Where(q => q.ProgrammeId == id).OrderBy(q => q.Position).ToListAsync(ct);
        var rows = await db.Participants.AsNoTracking().Where(x => x.ProgrammeId == id)
            .Join(db.Users, x => x.MemberId, u => u.Id, (x, u) => new { x, u.DisplayName, u.Email })
            .OrderBy(r => r.x.Role).ThenBy(r => r.DisplayName).ThenBy(r => r.x.Id)
            .ToListAsync(ct);
        var emails = await db.Participants.AsNoTracking().Where(x => x.ProgrammeId == id)
            .Join(db.Users, x => x.MemberId, u => u.Id, (x, u) => new { u.Id, u.Email })
            .Distinct().ToDictionaryAsync(u => u.Id, u => u.Email ?? "", ct);

        var text = new StringWriter();
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text))
        {
            foreach (var r in rows)
            {
                using var row = writer.NewRow();
                row["email"].Set(Cell(r.Email ?? ""));
                row["name"].Set(Cell(r.DisplayName));
                row["role"].Set(r.x.Role == ProgrammeRole.Mentee ? "mentee" : "mentor");
                row["capacity"].Set(r.x.Role == ProgrammeRole.Mentor ? r.x.Capacity.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
                row["status"].Set(r.x.Status.ToString().ToLowerInvariant());
                row["source"].Set(r.x.Source.ToString().ToLowerInvariant());
                row["joined_at"].Set(r.x.JoinedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                row["enrolled_at"].Set(r.x.EnrolledAt?.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "");
                row["ranking"].Set(Cell(string.Join(";", r.x.Ranking.Select(m => emails.GetValueOrDefault(m, "")).Where(e => e.Length > 0))));
                foreach (var q in questions)
                    row[q.Key].Set(Cell(string.Join(";", r.x.Answers.FirstOrDefault(a => a.QuestionId == q.Id)?.Values ?? [])));
            }
        }
        if (rows.Count == 0)
            text.Write(string.Join(",", new[] { "email", "name", "role", "capacity", "status", "source", "joined_at", "enrolled_at", "ranking" }
                .Concat(questions.Select(q => q.Key))) + "\n");
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    /// <summary>A cell a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe (OWASP's advice);
    /// the import takes it off again.</summary>
    public static string Cell(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static string Uncell(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
}
