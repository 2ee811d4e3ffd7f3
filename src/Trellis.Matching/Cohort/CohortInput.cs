namespace Trellis.Matching.Cohort;

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

    private static List<CohortPerson> ReadFile(string path, Func<TextReader, string, (List<CohortPerson>, List<CsvError>)> read, List<CsvError> errors)
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

    /// <summary>Embeddings, language bits and unit numbers for the candidate search.</summary>
    internal (CohortSide Mentees, CohortSide Mentors, List<(int, int)> Blocked) ToSides(Func<string[], float[][]> embed, StageProgress progress)
    {
        var languageBits = new Dictionary<string, int>();
        var units = new Dictionary<string, int>();
        progress.Stage($"embedding {Mentees.Count:N0} mentee goals");
        var mentees = Side(Mentees, embed, languageBits, units, withCapacity: false);
        progress.Stage($"embedding {Mentors.Count:N0} mentor profiles");
        var mentors = Side(Mentors, embed, languageBits, units, withCapacity: true);

        var mentorIndex = Mentors.Select((p, j) => (p.Id, j)).ToDictionary(x => x.Id, x => x.j);
        var blocked = Mentees.SelectMany((p, i) => p.Blocked.Select(id => (i, mentorIndex[id]))).ToList();
        return (mentees, mentors, blocked);
    }

    private static CohortSide Side(List<CohortPerson> people, Func<string[], float[][]> embed,
        Dictionary<string, int> languageBits, Dictionary<string, int> units, bool withCapacity)
    {
        var vectors = embed([.. people.Select(p => p.Text)]);
        var dims = vectors.Length == 0 ? HashingEmbedder.Dimensions : vectors[0].Length;
        var flat = new float[people.Count * dims];
        for (var i = 0; i < vectors.Length; i++)
        {
            if (vectors[i].Length != dims) throw new InvalidOperationException("The embedder returned vectors of different sizes.");
            vectors[i].CopyTo(flat, i * dims);
        }
        var languages = people.Select(p => p.Languages.Aggregate(0UL, (mask, l) =>
            mask | 1UL << (languageBits.TryGetValue(l, out var bit) ? bit : languageBits[l] = languageBits.Count))).ToArray();
        var orgUnits = people.Select(p => p.OrgUnit is null ? -1
            : units.TryGetValue(p.OrgUnit, out var u) ? u : units[p.OrgUnit] = units.Count).ToArray();
        return new CohortSide(dims, flat, languages, orgUnits, withCapacity ? [.. people.Select(p => p.Capacity)] : null);
    }
}
