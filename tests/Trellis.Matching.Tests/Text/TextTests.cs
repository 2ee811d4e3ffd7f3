using System.Numerics.Tensors;
using Trellis.Matching.Embeddings;

namespace Trellis.Matching.Tests.Text;

public sealed class TextTests
{
    [Theory]
    [InlineData("  São   Paulo\t\nengineer ", "Sao Paulo engineer")]
    [InlineData("Zoë's café résumé", "Zoe's cafe resume")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalize_CollapsesWhitespaceAndStripsAccents(string? input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void ProfileText_ForMentor_JoinsHeadlineBioAndTopics() =>
        Assert.Equal("Staff engineer I like growing people. Can help with career ladders, promotions.",
            ProfileText.ForMentor("Staff engineer", "I like  growing people.", ["career ladders", "promotions"], null));

    [Fact]
    public void Embed_GivesUnitVectors_AndParaphrasesLandCloserThanUnrelatedText()
    {
        var v = SentenceEmbedder.Shared.EmbedMany([
            "I want to move from engineering into product management",
            "Led B2B product teams after years as a developer",
            "Consultant surgeon: residency, long hours, choosing a specialty",
            "   ",
        ]);

        Assert.All(v, x => Assert.Equal(SentenceEmbedder.Dimensions, x.Length));
        Assert.Equal(1f, TensorPrimitives.Norm(v[0]), 3);
        Assert.True(TensorPrimitives.Dot(v[0], v[1]) > TensorPrimitives.Dot(v[0], v[2]) + 0.1f);
        Assert.Equal(0f, TensorPrimitives.Norm(v[3]));
    }

    [Fact]
    public void Embed_IsDeterministic_AndIgnoresAccentsAndSpacing() =>
        Assert.Equal(SentenceEmbedder.Shared.Embed("Résumé   help"), SentenceEmbedder.Shared.Embed("Resume help"));

    [Fact]
    public void ProfileText_ForMentorParts_AreWholeProfile_Experience_AndTopics() =>
        Assert.Equal(
            ["Staff engineer I like growing people. Can help with career ladders. Ten years at a bank.", "I like growing people. Ten years at a bank.", "Can help with career ladders."],
            ProfileText.ForMentorParts("Staff engineer", "I like  growing people.", ["career ladders"], "Ten years at a bank."));

    [Fact]
    public void EmbedMentor_DotWithAGoal_IsTheMeanOfThePartsCosines_SkippingEmptyParts()
    {
        var e = SentenceEmbedder.Shared;
        var goal = e.Embed("I want to move from engineering into product management");
        string[] parts = ["Product lead. Led B2B product teams. Can help with discovery.", "Led B2B product teams.", " "];
        var mentor = e.EmbedMentor(parts);
        var expected = (TensorPrimitives.Dot(goal, e.Embed(parts[0])) + TensorPrimitives.Dot(goal, e.Embed(parts[1]))) / 2;

        Assert.Equal(expected, TensorPrimitives.Dot(goal, mentor), 4);
        Assert.Equal(e.EmbedMentor(parts), e.EmbedMentors([parts, parts])[1]);
        Assert.Equal(0f, TensorPrimitives.Norm(e.EmbedMentor(["", " "])));
    }

    [Fact]
    public async Task GeneratedEmbeddings_AreStampedByTheGivenClock()
    {
        var at = new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.Zero);
        using var embedder = new SentenceEmbedder { Clock = new FixedClock(at) };

        var generated = await embedder.GenerateAsync(["Move from engineering into product"]);

        var one = Assert.Single(generated);
        Assert.Equal(at, one.CreatedAt);
        Assert.Equal(SentenceEmbedder.ModelId, one.ModelId);
    }

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}
