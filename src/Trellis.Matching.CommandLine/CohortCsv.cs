using nietras.SeparatedValues;

namespace Trellis.Matching.CommandLine;

/// <summary>
/// Reads mentees.csv and mentors.csv (columns in docs/matching.md). Every problem is collected
/// with its line number instead of stopping at the first, so a coordinator fixes a file in one go.
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
            foreach (var id in column == "ranking" ? person.Ranking : person.Blocked)
                if (!otherIds.Contains(id))
                    errors.Add(new(file, person.Line, $"{column} names '{id}', who is not in the other file."));
        }
        return errors;
    }

    private static (List<CohortPerson>, List<CsvError>) Read(TextReader text, string file, string[] required, string textColumn, bool isMentor)
    {
        var people = new List<CohortPerson>();
        var errors = new List<CsvError>();
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, Trim = SepTrim.Outer }).From(text);

        var missing = required.Where(c => !reader.Header.TryIndexOf(c, out _)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new(file, 1, $"missing column(s): {string.Join(", ", missing)}."));
            return (people, errors);
        }
        var columns = reader.Header.ColNames.Count;
        var rankingColumn = reader.Header.TryIndexOf("ranking", out var r) ? r : -1;
        var blockedColumn = !isMentor && reader.Header.TryIndexOf("blocked", out var b) ? b : -1;
        var seen = new HashSet<string>();

        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount != columns)
            {
                errors.Add(new(file, line, $"has {row.ColCount} columns, the header has {columns}."));
                continue;
            }
            var id = row["id"].ToString();
            var name = row["name"].ToString();
            var languages = List(row["languages"].ToString()).Select(l => l.ToLowerInvariant()).ToArray();
            var org = row["org_unit"].ToString();
            var rowErrors = new List<string>();
            if (id.Length == 0) rowErrors.Add("id is empty");
            else if (!seen.Add(id)) rowErrors.Add($"id '{id}' appears twice");
            if (name.Length == 0) rowErrors.Add("name is empty");
            if (languages.Length == 0) rowErrors.Add("languages is empty (list at least one, separated by ';')");
            var capacity = 0;
            if (isMentor && (!int.TryParse(row["capacity"].Span, out capacity) || capacity < 0 || capacity > 1_000))
                rowErrors.Add($"capacity '{row["capacity"].ToString()}' is not a whole number from 0 to 1000");

            if (rowErrors.Count > 0)
            {
                errors.Add(new(file, line, string.Join("; ", rowErrors) + "."));
                continue;
            }
            people.Add(new CohortPerson(id, name, languages, org.Length == 0 ? null : org, capacity,
                row[textColumn].ToString(),
                rankingColumn < 0 ? [] : List(row[rankingColumn].ToString()),
                blockedColumn < 0 ? [] : List(row[blockedColumn].ToString()),
                line));
        }
        return (people, errors);
    }

    private static string[] List(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
