using System.Text;
using nietras.SeparatedValues;

namespace Trellis.Web.Features.Programmes.Enrolment;

/// <summary>One row of a participants file after reading: what it says, not yet checked against the database.</summary>
public sealed record ImportRow(int Line, string Email, string Name, ProgrammeRole Role, int Capacity,
    IReadOnlyList<Answer> Answers, IReadOnlyList<string> Ranking);

public sealed record ImportError(int Line, string Reason);

/// <summary>
/// Reads a participants CSV file (columns in docs/programmes.md) strictly: bytes that are not UTF-8, a quote
/// that is never closed, a repeated or unknown column, a row with the wrong number of fields — each is an error
/// with its line, and every bad row is reported, not only the first.
/// </summary>
public static class ImportCsv
{
    public const int MaxListedErrors = 100;

    /// <summary>Columns the export writes that an import reads past (so an exported file can be imported again).</summary>
    private static readonly string[] ExportOnly = ["status", "source", "joined_at", "enrolled_at", "member_id", "matched_with", "match_status"];

    public static (List<ImportRow> Rows, List<ImportError> Errors) Read(byte[] bytes, Programme programme,
        IReadOnlyList<EnrolmentQuestion> questions)
    {
        var rows = new List<ImportRow>();
        var errors = new List<ImportError>();
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var line = 1 + bytes.AsSpan(0, Math.Max(0, e.Index)).Count((byte)'\n');
            errors.Add(new(line, "the file is not UTF-8 text (save it as “CSV UTF-8”)."));
            return (rows, errors);
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (UnclosedQuote(text) is { } open)
        {
            errors.Add(new(open, "a quote (\") opened on this line is never closed."));
            return (rows, errors);
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(1, "the file is empty; the first line must name the columns (email, name, role, …)."));
            return (rows, errors);
        }

        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, Trim = SepTrim.Outer })
            .FromText(text);
        var header = reader.Header.ColNames.Select(c => c.Trim().ToLowerInvariant()).ToList();
        if (HeaderErrors(header, questions) is { Count: > 0 } bad)
        {
            errors.AddRange(bad.Select(b => new ImportError(1, b)));
            return (rows, errors);
        }
        var index = header.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var byKey = questions.ToDictionary(q => q.Key);
        var seen = new HashSet<(string, ProgrammeRole)>();
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            var cells = new string[row.ColCount];
            for (var c = 0; c < cells.Length; c++) cells[c] = row[c].ToString();
            if (cells.All(string.IsNullOrWhiteSpace)) continue; // blank lines are not rows
            if (cells.Length != header.Count)
            {
                errors.Add(new(line, $"has {cells.Length} fields, the header has {header.Count}."));
                continue;
            }
            string Cell(string column) => index.TryGetValue(column, out var i) ? ParticipantExport.Uncell(cells[i].Trim()) : "";
            var reasons = new List<string>();
            var email = Invitation.Normalise(Cell("email"));
            if (email.Length == 0) reasons.Add("email is empty");
            else if (!InvitationHandlers.IsEmail(email)) reasons.Add($"“{email}” is not an e-mail address");
            var roleText = Cell("role").ToLowerInvariant();
            ProgrammeRole? role = roleText switch
            {
                "mentee" => ProgrammeRole.Mentee,
                "mentor" => ProgrammeRole.Mentor,
                _ when roleText.Length > 0 && roleText == programme.MenteeWord.ToLowerInvariant() => ProgrammeRole.Mentee,
                _ when roleText.Length > 0 && roleText == programme.MentorWord.ToLowerInvariant() => ProgrammeRole.Mentor,
                _ => null,
            };
            if (role is null) reasons.Add($"role “{roleText}” must be mentee or mentor");
            else if (email.Length > 0 && !seen.Add((email, role.Value))) reasons.Add($"{email} appears twice as a {roleText}");
            var name = Cell("name");
            if (name.Length > Accounts.Member.DisplayNameMaxLength) reasons.Add($"name is longer than {Accounts.Member.DisplayNameMaxLength} characters");
            var capacityText = Cell("capacity");
            var capacity = 0;
            if (capacityText.Length > 0)
            {
                if (role == ProgrammeRole.Mentee) reasons.Add("capacity is for mentors only");
                else if (!int.TryParse(capacityText, out capacity) || capacity is < 1 or > Participant.MaxCapacity)
                    reasons.Add($"capacity “{capacityText}” must be a whole number from 1 to {Participant.MaxCapacity}");
            }
            var answers = new List<Answer>();
            foreach (var (key, question) in byKey)
            {
                var cell = Cell(key);
                if (cell.Length == 0) continue;
                if (role is { } r && !question.Asks(r))
                {
                    reasons.Add($"{key} is not asked of {r.ToString().ToLowerInvariant()}s");
                    continue;
                }
                var values = question.Kind == QuestionKind.MultipleChoice ? cell.Split(';') : [cell];
                var (clean, error) = question.Check(values);
                if (error is not null) reasons.Add($"{key}: {error.TrimEnd('.')}");
                else if (clean.Count > 0) answers.Add(new Answer(question.Id, clean));
            }
            var ranking = Cell("ranking").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Invitation.Normalise).ToList();
            if (ranking.Count > Participant.MaxRanking) reasons.Add($"ranking names more than {Participant.MaxRanking} people");
            if (ranking.FirstOrDefault(e => !InvitationHandlers.IsEmail(e)) is { } badRank) reasons.Add($"ranking: “{badRank}” is not an e-mail address");

            if (reasons.Count > 0) errors.Add(new(line, string.Join("; ", reasons) + "."));
            else rows.Add(new ImportRow(line, email, name, role!.Value, capacity, answers, ranking));
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add(new(1, "the file has a header but no rows."));
        return (rows, errors);
    }

    private static List<string> HeaderErrors(List<string> header, IReadOnlyList<EnrolmentQuestion> questions)
    {
        var errors = new List<string>();
        var known = new HashSet<string>(["email", "name", "role", "capacity", "ranking", .. ExportOnly, .. questions.Select(q => q.Key)]);
        foreach (var twice in header.GroupBy(c => c).Where(g => g.Count() > 1)) errors.Add($"the column “{twice.Key}” appears twice.");
        foreach (var unknown in header.Where(c => !known.Contains(c)).Distinct())
            errors.Add($"unknown column “{unknown}” (columns: email, name, role, capacity, ranking, and one per question: " +
                $"{(questions.Count == 0 ? "none yet" : string.Join(", ", questions.Select(q => q.Key)))}).");
        foreach (var missing in new[] { "email", "role" }.Where(c => !header.Contains(c))) errors.Add($"the column “{missing}” is missing.");
        return errors;
    }

    /// <summary>The line where a quoted field opens and never closes, or null. A CSV reader would take the rest of the
    /// file as that one field and quietly lose every row after it.</summary>
    public static int? UnclosedQuote(string text)
    {
        var line = 1;
        var inQuotes = false;
        var openedOn = 0;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') line++;
            if (inQuotes)
            {
                if (c != '"') continue;
                if (i + 1 < text.Length && text[i + 1] == '"') i++;
                else inQuotes = false;
                continue;
            }
            if (c == '"' && atFieldStart)
            {
                inQuotes = true;
                openedOn = line;
            }
            atFieldStart = c is ',' or '\n' or '\r' || (atFieldStart && c is ' ' or '\t');
        }
        return inQuotes ? openedOn : null;
    }
}
