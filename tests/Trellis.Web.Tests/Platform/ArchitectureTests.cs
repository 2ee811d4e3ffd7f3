using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using Microsoft.EntityFrameworkCore;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Trellis.Web.Tests.Platform;

/// <summary>
/// The directions dependencies must run in (ADR 0023), read from the compiled web assembly with ArchUnitNET.
/// A failure names the types that broke the rule.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Features = "Trellis.Web.Features.";

    private static readonly Lazy<Architecture> Web = new(() =>
        new ArchLoader().LoadAssemblies(typeof(Trellis.Web.Domain.Error).Assembly).Build());

    /// <summary>Cycles between features that exist and are not yet broken. It may only shrink: a new cycle fails,
    /// and so does breaking one without crossing it off here (so the count stays true).</summary>
    private static readonly string[] KnownCycles =
    [
        // Accounts is the member (every feature's foreign keys point at Member) and also the member's own data
        // (export and erasure read every feature): a hub, to be split into Members and Accounts.MemberData.
        "Accounts <-> Blocking", "Accounts <-> CheckIns", "Accounts <-> Critiques", "Accounts <-> Endorsements",
        "Accounts <-> Goals", "Accounts <-> Meetings", "Accounts <-> Mentorships", "Accounts <-> Messages",
        "Accounts <-> Moderation", "Accounts <-> Notifications", "Accounts <-> Profiles", "Accounts <-> Resources",
        "Accounts <-> Reviews",
        // The profile page shows "why this could be a good match" from mentor search.
        "FindMentor <-> Profiles",
        // Profiles and requests ask programmes who a member's co-members are; programmes read profiles and
        // propose mentorships; a mentorship knows its programme's rules.
        "Mentorships <-> Programmes", "Profiles <-> Programmes",
    ];

    /// <summary>Features that still lie on a longer cycle (outside Accounts). It may only shrink.</summary>
    private static readonly string[] KnownTangle =
        ["Blocking", "Endorsements", "FindMentor", "Meetings", "Mentorships", "Moderation", "Notifications", "Profiles", "Programmes"];

    [Fact]
    public void TheDomainVocabulary_KnowsNothingOfTheWebLayer()
    {
        var web = Types(true).That().ResideInNamespaceOrBelow("Microsoft.AspNetCore")
            .Or().ResideInNamespaceOrBelow("Trellis.Web.Infrastructure");
        AssertHolds(Types().That().ResideInNamespaceOrBelow("Trellis.Web.Domain").Should().NotDependOnAny(web));
    }

    [Fact]
    public void Entities_DoNotDependOnTheWebLayer()
    {
        // The entities are what the EF configurations configure; Member derives from Identity's user, which is
        // ASP.NET Core's namespace but not its HTTP layer.
        var entities = typeof(Trellis.Web.Domain.Error).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
            .Select(i => i.GetGenericArguments()[0])
            .Distinct().ToArray();
        Assert.True(entities.Length > 20, $"Found only {entities.Length} entities; the rule would check nothing.");
        var http = Types(true).That().ResideInNamespaceOrBelow("Microsoft.AspNetCore.Http")
            .Or().ResideInNamespaceOrBelow("Microsoft.AspNetCore.Mvc")
            .Or().ResideInNamespaceOrBelow("Microsoft.AspNetCore.Routing")
            .Or().ResideInNamespaceOrBelow("Trellis.Web.Infrastructure.Http");
        AssertHolds(Types().That().Are(entities).Should().NotDependOnAny(http));
    }

    [Fact]
    public void Moderation_DependsOnNoFeatureThatReportsIntoIt()
    {
        // Features expose their reportable items (IReportTarget) and react to suspensions (ISuspensionListener).
        AssertHolds(Types().That().ResideInNamespaceOrBelow(Features + "Moderation")
            .Should().NotDependOnAny(InFeatures("Profiles", "Mentorships", "Messages", "Endorsements", "Critiques")));
    }

    [Fact]
    public void TheMentorship_DependsOnNoFeatureBuiltOnIt()
    {
        // Workspace features, blocking and reviews react through the seams in Mentorships/Workspace (ADR 0010).
        AssertHolds(Types().That().ResideInNamespaceOrBelow(Features + "Mentorships")
            .Should().NotDependOnAny(InFeatures("Blocking", "Reviews", "Meetings", "Goals", "CheckIns", "Messages",
                "Critiques", "Timeline", "Endorsements")));
    }

    [Fact]
    public void FeaturesFormNoNewDependencyCycle()
    {
        var edges = FeatureEdges();
        var mutual = edges.Where(e => string.CompareOrdinal(e.From, e.To) < 0 && edges.Contains((e.To, e.From)))
            .Select(e => $"{e.From} <-> {e.To}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(KnownCycles.Order(StringComparer.Ordinal), mutual);

        // Longer cycles (A → B → C → A) through anything but the known hub.
        var tangled = StronglyConnected(edges.Where(e => e.From != "Accounts" && e.To != "Accounts").ToHashSet())
            .Where(c => c.Count > 1).SelectMany(c => c).ToList();
        Assert.Empty(tangled.Except(KnownTangle));
    }

    /// <summary>Feature → feature, from every dependency of every type (fields, calls, signatures, attributes).</summary>
    private static HashSet<(string From, string To)> FeatureEdges() =>
        Web.Value.Types
            .Select(t => (From: FeatureOf(t.Namespace.FullName), Type: t))
            .Where(x => x.From is not null)
            .SelectMany(x => x.Type.Dependencies.Select(d => (From: x.From!, To: FeatureOf(d.Target.Namespace.FullName))))
            .Where(e => e.To is not null && e.To != e.From)
            .Select(e => (e.From, e.To!))
            .ToHashSet();

    private static string? FeatureOf(string ns) => ns.StartsWith(Features, StringComparison.Ordinal)
        ? ns[Features.Length..].Split('.')[0]
        : null;

    private static ArchUnitNET.Fluent.Syntax.Elements.Types.GivenTypesConjunction InFeatures(params string[] names)
    {
        var types = Types().That().ResideInNamespaceOrBelow(Features + names[0]);
        foreach (var name in names.Skip(1)) types = types.Or().ResideInNamespaceOrBelow(Features + name);
        return types;
    }

    private static void AssertHolds(IArchRule rule)
    {
        var broken = rule.Evaluate(Web.Value).Where(r => !r.Passed).Select(r => r.Description).ToList();
        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
    }

    /// <summary>Tarjan's strongly connected components: every cycle lies inside one.</summary>
    private static List<List<string>> StronglyConnected(HashSet<(string From, string To)> edges)
    {
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var found = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in edges.Where(e => e.From == v).Select(e => e.To))
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            found.Add(component);
        }
        foreach (var n in nodes.Where(n => !index.ContainsKey(n))) Visit(n);
        return found;
    }
}
