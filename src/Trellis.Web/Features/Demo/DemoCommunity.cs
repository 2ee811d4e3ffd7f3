using Trellis.Web.Features.Profiles;

namespace Trellis.Web.Features.Demo;

public sealed record DemoPerson(string Email, ProfileInput Profile);

/// <summary>A deterministic, realistic demo community (placeholder; being filled in).</summary>
public static class DemoCommunity
{
    public static IReadOnlyList<DemoPerson> Generate(int count, int seed, int currentYear)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => new DemoPerson(
            $"member{i}@demo.trellis.test",
            new ProfileInput { DisplayName = $"Member {i}", TimeZone = "Europe/London", Languages = ["en"], YearsOfExperience = random.Next(0, 30) })).ToList();
    }
}
