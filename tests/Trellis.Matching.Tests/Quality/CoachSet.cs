using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trellis.Matching.Tests.Quality;

/// <summary>
/// The career-coach labelled set (QualityData/career-coach-*.json, issue 14): 96 mentors in 16
/// fields and 154 mentees in seven categories, written so that the words of a mentee's goals are
/// closer to the "looks close but wrong" mentors than to the right ones. Plain data: nothing here
/// knows the engine, so the same set measures the engine before and after a change.
/// </summary>
public sealed class CoachSet
{
    private static readonly Lazy<CoachSet> Instance = new(Load);

    public static CoachSet Shared => Instance.Value;

    /// <summary>Reference week of every measurement: Monday 16 November 2026 (EU and US on winter time, the south on summer time).</summary>
    public static readonly DateOnly Week = new(2026, 11, 16);

    public static readonly string[] Categories =
        ["career change", "paraphrased goals", "seniority", "peer/reverse", "required language", "availability window", "same field"];

    public required IReadOnlyList<CoachMentor> Mentors { get; init; }
    public required IReadOnlyList<CoachMentee> Mentees { get; init; }

    public static Guid IdOf(string key) => new(MD5.HashData(Encoding.UTF8.GetBytes("trellis-coach-set/" + key)));

    private static CoachSet Load()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "QualityData");
        var mentors = JsonSerializer.Deserialize<List<CoachMentor>>(File.ReadAllText(Path.Combine(dir, "career-coach-mentors.json")), Json)!;
        var mentees = JsonSerializer.Deserialize<List<CoachMentee>>(File.ReadAllText(Path.Combine(dir, "career-coach-mentees.json")), Json)!;
        var keys = mentors.Select(m => m.Id).ToHashSet();
        foreach (var mentee in mentees)
        {
            var unknown = mentee.Acceptable.Concat(mentee.Wrong).Append(mentee.Best).Where(k => !keys.Contains(k)).ToList();
            if (unknown.Count > 0) throw new InvalidDataException($"{mentee.Id}: unknown mentors {string.Join(", ", unknown)}");
            if (!mentee.Acceptable.Contains(mentee.Best)) throw new InvalidDataException($"{mentee.Id}: best is not acceptable");
            if (!Categories.Contains(mentee.Category)) throw new InvalidDataException($"{mentee.Id}: unknown category {mentee.Category}");
        }
        return new CoachSet { Mentors = mentors, Mentees = mentees };
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };
}

public sealed record CoachMentor
{
    public required string Id { get; init; }
    public required string Field { get; init; }
    public string[] PreviousFields { get; init; } = [];
    public int Years { get; init; }
    public required string Headline { get; init; }
    public required string Bio { get; init; }
    public string[] Topics { get; init; } = [];
    public string[] Languages { get; init; } = ["en"];
    public string Zone { get; init; } = "Europe/London";

    /// <summary>Weekly windows in the mentor's zone ("Mon-Fri 18:00-21:00; Sat 10:00-13:00"); null: working hours 09–17 Mon–Fri.</summary>
    public string? Windows { get; init; }
    public bool Peer { get; init; }
    public bool Reverse { get; init; }

    public Guid Guid => CoachSet.IdOf(Id);
    public string Text => $"{Headline}. {Bio} {string.Join(", ", Topics)}";
}

public sealed record CoachMentee
{
    public required string Id { get; init; }
    public required string Category { get; init; }
    public required string Field { get; init; }

    /// <summary>The field the mentee wants to move into; null: stay and grow in <see cref="Field"/>.</summary>
    public string? Target { get; init; }
    public int Years { get; init; }
    public required string Goals { get; init; }
    public string[] Skills { get; init; } = [];
    public string[] Languages { get; init; } = ["en"];
    public string[] Required { get; init; } = [];
    public string Zone { get; init; } = "Europe/London";
    public string? Windows { get; init; }
    public bool RequireOverlap { get; init; }

    /// <summary>"Mentor" (someone ahead), "Peer", or "Reverse" (someone junior with fresh skills).</summary>
    public string Ask { get; init; } = "Mentor";
    public required string[] Acceptable { get; init; }
    public required string Best { get; init; }
    public string[] Wrong { get; init; } = [];

    public Guid Guid => CoachSet.IdOf(Id);
}
