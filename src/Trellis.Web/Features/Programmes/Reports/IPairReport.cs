namespace Trellis.Web.Features.Programmes.Reports;

/// <summary>
/// A report about what a programme's pairs do, written by the feature that owns the rows (check-ins, reviews) and
/// composed in WebSetup, so Programmes depends on neither: they depend on the mentorship, which depends on Programmes,
/// and the arrow back would tie them into one knot (ArchitectureTests). It sees the programme's pairs as ids only.
/// </summary>
public interface IPairReport
{
    /// <summary>Where it stands among the reports (<see cref="ProgrammeReports"/> numbers its own in tens).</summary>
    int Position { get; }

    /// <summary>The report's key, as in its <see cref="Report.Key"/> and its CSV's address.</summary>
    string Key { get; }

    Task<Report> BuildAsync(PairScope scope, CancellationToken ct);
}

/// <summary>The programme's pairs (every mentorship made in it, as a query the report composes into its own), the
/// months the time-based reports cover, and now.</summary>
public sealed record PairScope(IQueryable<Guid> Pairs, Months Months, DateTimeOffset Now);
