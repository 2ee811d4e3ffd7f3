namespace Trellis.Matching.CommandLine;

/// <summary>Both files read and cross-checked: either a clean cohort or the list of bad rows.</summary>
public sealed class CohortInput
{
    public required List<CohortPerson> Mentees { get; init; }
    public required List<CohortPerson> Mentors { get; init; }

    public static (CohortInput? Input, List<CsvError> Errors) Read(string menteesPath, string mentorsPath)
    {
        var errors = new List<CsvError>();
        var mentees = ReadFile(menteesPath, CohortCsv.ReadMentees, errors);
        var mentors = ReadFile(mentorsPath, CohortCsv.ReadMentors, errors);
        var menteeFile = Path.GetFileName(menteesPath);
        var mentorFile = Path.GetFileName(mentorsPath);
        var mentorIds = mentors.Select(p => p.Id).ToHashSet();
        var menteeIds = mentees.Select(p => p.Id).ToHashSet();
        errors.AddRange(CohortCsv.CheckReferences(mentees, menteeFile, mentorIds, "ranking"));
        errors.AddRange(CohortCsv.CheckReferences(mentees, menteeFile, mentorIds, "blocked"));
        errors.AddRange(CohortCsv.CheckReferences(mentors, mentorFile, menteeIds, "ranking"));

        var languages = mentees.Concat(mentors).SelectMany(p => p.Languages).Distinct().Count();
        if (languages > 64)
            errors.Add(new(menteeFile, 1, $"the two files name {languages} different languages; at most 64 are supported."));
        return errors.Count > 0 ? (null, errors) : (new CohortInput { Mentees = mentees, Mentors = mentors }, errors);
    }

    private static List<CohortPerson> ReadFile(string path,
        Func<TextReader, string, (List<CohortPerson>, List<CsvError>)> read, List<CsvError> errors)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            errors.Add(new(file, 0, "file not found."));
            return [];
        }
        using var text = new StreamReader(path);
        var (people, rowErrors) = read(text, file);
        errors.AddRange(rowErrors);
        return people;
    }
}
