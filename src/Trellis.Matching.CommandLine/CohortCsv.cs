using nietras.SeparatedValues;

namespace Trellis.Matching.CommandLine;

/// <summary>
/// Reads mentees.csv and mentors.csv (columns in docs/matching.md). Every problem is collected
/// with its line number instead of stopping at the first, so a coordinator fixes a file in one go.
/// Strict, because a lenient reader loses people without a word: an unclosed quote would swallow
/// the rest of the file into one field, and a second column of the same name would make it a
/// guess which one holds the data.
/// </summary>
public static class CohortCsv
{
    private static readonly string[] MenteeColumns = ["id", "name", "languages", "org_unit", "goals"];
    private static readonly string[] MentorColumns = ["id", "name", "languages", "org_unit", "capacity", "expertise"];

    public static (List<CohortPerson> People, List<CsvError> Errors) ReadMentees(TextReader text, string file) =>
        Read(text, file, MenteeColumns, textColumn: "goals", isMentor: false);

    public static (List<CohortPerson> People, List<CsvError> Errors) ReadMentors(TextReader text, string file) =>
        Read(text, file, MentorColumns, textColumn: "expertise", isMentor: true);

    /// <summary>Rankings and blocked lists may only name people on the other side.</summary>
    public static List<CsvError> CheckReferences(List<CohortPerson> people, string file, IReadOnlySet<string> otherIds, string column)
    {
        var errors = new List<CsvError>();
        foreach (var person in people)
        {
            var ids = column switch
            {
                "ranking" => person.Ranking,
                "pinned" => person.Pinned is { } pin ? [pin] : [],
                _ => person.Blocked,
            };
            foreach (var id in ids)
                if (!otherIds.Contains(id))
                    errors.Add(new(file, person.Line, $"{column} names '{id}', who is not in the other file."));
        }
        return errors;
    }

    private static (List<CohortPerson>, List<CsvError>) Read(TextReader text, string file, string[] required, string textColumn, bool isMentor)
    {
        var people = new List<CohortPerson>();
        var errors = new List<CsvError>();
        // The header is read as a row of its own: Sep would throw on a repeated column name, and
        // we want that as a line of the report like every other problem.
        using var reader = Sep.New(',').Reader(o => o with
        {
            HasHeader = false,
            Unescape = true,
            DisableColCountCheck = true,
            Trim = SepTrim.Outer,
        }).From(text);

        if (!reader.MoveNext() || reader.Current.Span.IsWhiteSpace())
        {
            errors.Add(new(file, 1, "the first line is empty; it must be the header row (" + string.Join(",", required) + ")."));
            return (people, errors);
        }
        var headerRow = reader.Current;
        if (UnclosedQuote(headerRow.Span))
        {
            errors.Add(new(file, headerRow.LineNumberFrom, "a quote opened in the header is never closed."));
            return (people, errors);
        }
        var names = new string[headerRow.ColCount];
        for (var c = 0; c < names.Length; c++) names[c] = headerRow[c].ToString();
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < names.Length; c++)
            if (!column.TryAdd(names[c], c))
                errors.Add(new(file, 1, $"column '{names[c]}' appears twice in the header (columns {column[names[c]] + 1} and {c + 1})."));
        var missing = required.Where(c => !column.ContainsKey(c)).ToList();
        if (missing.Count > 0) errors.Add(new(file, 1, $"missing column(s): {string.Join(", ", missing)}."));
        if (errors.Count > 0) return (people, errors);

        var columns = names.Length;
        int At(string name) => column.TryGetValue(name, out var c) ? c : -1;
        var (idAt, nameAt, languagesAt, orgAt, textAt) = (At("id"), At("name"), At("languages"), At("org_unit"), At(textColumn));
        var (capacityAt, rankingAt, blockedAt) = (At("capacity"), At("ranking"), isMentor ? -1 : At("blocked"));
        var pinnedAt = isMentor ? -1 : At("pinned");
        var seen = new HashSet<string>();
        var rows = 0;
        (int From, int To)? blank = null; // a run of blank lines: fine at the end of the file, an error before more rows

        while (reader.MoveNext())
        {
            var row = reader.Current;
            var line = row.LineNumberFrom;
            if (row.Span.IsWhiteSpace())
            {
                blank = (blank?.From ?? line, line);
                continue;
            }
            if (blank is { } b)
            {
                errors.Add(new(file, b.From, b.From == b.To ? "blank line between rows." : $"lines {b.From}–{b.To} are blank, between rows."));
                blank = null;
            }
            rows++;
            if (UnclosedQuote(row.Span))
            {
                errors.Add(new(file, line, "a quote opened on this line is never closed; the rest of the file would be one field."));
                break;
            }
            if (row.ColCount != columns)
            {
                errors.Add(new(file, line, $"has {row.ColCount} columns, the header has {columns}."));
                continue;
            }
            var id = row[idAt].ToString();
            var name = row[nameAt].ToString();
            var languages = List(row[languagesAt].ToString()).Select(l => l.ToLowerInvariant()).ToArray();
            var org = row[orgAt].ToString();
            var rowErrors = new List<string>();
            if (id.Length == 0) rowErrors.Add("id is empty");
            else if (!seen.Add(id)) rowErrors.Add($"id '{id}' appears twice");
            if (name.Length == 0) rowErrors.Add("name is empty");
            if (languages.Length == 0) rowErrors.Add("languages is empty (list at least one, separated by ';')");
            var capacity = 0;
            if (isMentor && (!int.TryParse(row[capacityAt].Span, out capacity) || capacity < 0 || capacity > 1_000))
                rowErrors.Add($"capacity '{row[capacityAt].ToString()}' is not a whole number from 0 to 1000");
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var optional in ProfileColumns.Names)
                if (At(optional) is var at and >= 0) cells[optional] = row[at].ToString().Trim();
            var facts = ProfileColumns.Read(c => cells.GetValueOrDefault(c, ""), isMentor, rowErrors);

            if (rowErrors.Count > 0)
            {
                errors.Add(new(file, line, string.Join("; ", rowErrors) + "."));
                continue;
            }
            people.Add(new CohortPerson(id, name, languages, org.Length == 0 ? null : org, capacity,
                row[textAt].ToString(),
                rankingAt < 0 ? [] : List(row[rankingAt].ToString()),
                blockedAt < 0 ? [] : List(row[blockedAt].ToString()),
                line)
            {
                Pinned = pinnedAt >= 0 && row[pinnedAt].ToString() is { Length: > 0 } pin ? pin : null,
                RequiredLanguages = facts.RequiredLanguages,
                YearsOfExperience = facts.YearsOfExperience,
                Ask = facts.Ask,
                OpenToPeerMentoring = facts.OpenToPeerMentoring,
                OpenToReverseMentoring = facts.OpenToReverseMentoring,
                Schedule = facts.Schedule,
                RequiresMeetingOverlap = facts.RequiresMeetingOverlap,
            });
        }
        if (rows == 0) errors.Add(new(file, 2, $"the file has a header but no {(isMentor ? "mentors" : "mentees")}."));
        return (people, errors);
    }

    /// <summary>
    /// Quotes come in pairs in a well-formed row (an escaped quote is two), so an odd count means
    /// the reader ran on to the end of the file looking for the closing one.
    /// </summary>
    private static bool UnclosedQuote(ReadOnlySpan<char> row) => row.Count('"') % 2 == 1;

    private static string[] List(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
