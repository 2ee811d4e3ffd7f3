using System.Globalization;
using System.Linq.Expressions;

namespace Trellis.Web.Features.Programmes.Reports;

/// <summary>
/// Calendar months (UTC) as report rows. The month of an instant is worked out in the database by comparing it with the
/// months' first instants (a CASE both providers translate; SQLite stores instants as ticks, so its date functions
/// cannot be used), which lets a report GROUP BY month without reading rows.
/// </summary>
public sealed class Months
{
    public const int Most = 24;

    private Months(DateTimeOffset[] starts) => Starts = starts;

    /// <summary>The first instant of each month, oldest first.</summary>
    public DateTimeOffset[] Starts { get; }

    public int Count => Starts.Length;

    /// <summary>From the month of <paramref name="from"/> to the month of <paramref name="now"/>, at most the last 24.</summary>
    public static Months Between(DateTimeOffset from, DateTimeOffset now)
    {
        var first = new DateTimeOffset(from.UtcDateTime.Year, from.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var last = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        if (first > last) first = last;
        if (first < last.AddMonths(-(Most - 1))) first = last.AddMonths(-(Most - 1));
        var starts = new List<DateTimeOffset>();
        for (var m = first; m <= last; m = m.AddMonths(1)) starts.Add(m);
        return new Months([.. starts]);
    }

    public string Label(int index) => Starts[index].ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The month index of <paramref name="instant"/>: -1 before the first month, else 0 … Count - 1 (the last month
    /// runs on; callers filter instants after now out themselves).</summary>
    public Expression<Func<T, int>> Of<T>(Expression<Func<T, DateTimeOffset>> instant)
    {
        Expression body = Expression.Constant(Count - 1);
        for (var i = Count - 1; i >= 0; i--)
            body = Expression.Condition(Expression.LessThan(instant.Body, Expression.Constant(Starts[i])), Expression.Constant(i - 1), body);
        return Expression.Lambda<Func<T, int>>(body, instant.Parameters);
    }
}
