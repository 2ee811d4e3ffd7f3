using System.Buffers;
using System.Text;
using System.Text.Unicode;

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
        errors.AddRange(CohortCsv.CheckReferences(mentees, menteeFile, mentorIds, "pinned"));
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
        var bytes = File.ReadAllBytes(path);
        if (InvalidUtf8(bytes) is { } bad)
        {
            errors.Add(bad with { File = file });
            return [];
        }
        using var text = new StringReader(Encoding.UTF8.GetString(bytes.AsSpan(Bom(bytes))));
        var (people, rowErrors) = read(text, file);
        errors.AddRange(rowErrors);
        return people;
    }

    private static int Bom(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;

    /// <summary>
    /// The first byte that is not UTF-8, by line. A file saved as Latin-1 or Windows-1252 would
    /// otherwise be read with replacement characters and every accented name would come out garbled.
    /// </summary>
    private static CsvError? InvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return null;
        var buffer = new char[4096];
        var at = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(bytes[at..], buffer, out var read, out _, replaceInvalidSequences: false);
            if (status == OperationStatus.InvalidData || status == OperationStatus.NeedMoreData)
            {
                at += read;
                var line = bytes[..at].Count((byte)'\n') + 1;
                return new CsvError("", line,
                    $"byte 0x{bytes[at]:X2} is not UTF-8 (the file looks saved as Latin-1 or Windows-1252); save it as UTF-8 and run again.");
            }
            at += read;
        }
    }
}
