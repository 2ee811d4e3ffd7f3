using System.Globalization;

namespace Trellis.Web.Features.Programmes.Reports;

/// <summary>
/// One figure of a report, as every output (JSON, CSV, table, chart) shows it. A figure about 1–4 people is built
/// suppressed, and a suppressed cell has no value at all: no renderer can show what it never holds (ADR 0030).
/// </summary>
public sealed record ReportCell
{
    public const int Threshold = 5;
    public const string FewerThanFive = "fewer than 5";
    public const string NotShown = "not shown";

    private ReportCell(double? value, string text, bool suppressed)
    {
        Value = value;
        Text = text;
        Suppressed = suppressed;
    }

    /// <summary>Null when suppressed.</summary>
    public double? Value { get; }
    public string Text { get; }
    public bool Suppressed { get; }

    public static bool IsSmall(int people) => people is > 0 and < Threshold;

    /// <summary>A number of people (or of pairs, counted as people: each pair was one person's choice at least). 0 is shown.</summary>
    public static ReportCell Count(int people) =>
        IsSmall(people) ? Small : new ReportCell(people, people.ToString(CultureInfo.InvariantCulture), false);

    /// <summary>Any figure (meetings held, say) about <paramref name="people"/> people or pairs: suppressed when they are 1–4.</summary>
    public static ReportCell Figure(double value, int people) =>
        IsSmall(people) ? Small : Number(value);

    /// <summary>A share of a whole: suppressed when the part is, or when the whole is about fewer than 5.</summary>
    public static ReportCell Rate(int part, int whole, bool partHidden = false) =>
        whole == 0 ? None
        : partHidden || IsSmall(part) || whole < Threshold ? Small
        : new ReportCell(Math.Round((double)part / whole, 4), Percent(part, whole), false);

    /// <summary>An average of <paramref name="people"/> people's figures (a score, a number of meetings).</summary>
    public static ReportCell Mean(double sum, int people) =>
        people == 0 ? None : people < Threshold ? Small : Number(sum / people);

    /// <summary>The median of one figure per person or pair: suppressed below 5 values.</summary>
    public static ReportCell Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return None;
        if (values.Count < Threshold) return Small;
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return Number(sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
    }

    /// <summary>A figure about 5 or more people hidden so that it cannot be used to work out a suppressed one.</summary>
    public static readonly ReportCell Withheld = new(null, NotShown, true);

    public static readonly ReportCell Small = new(null, FewerThanFive, true);

    /// <summary>Nothing to measure (a rate over nobody).</summary>
    public static readonly ReportCell None = new(null, "–", false);

    private static ReportCell Number(double value)
    {
        var rounded = Math.Round(value, 1);
        return new ReportCell(rounded, rounded.ToString("0.#", CultureInfo.InvariantCulture), false);
    }

    private static string Percent(int part, int whole) =>
        Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";
}
