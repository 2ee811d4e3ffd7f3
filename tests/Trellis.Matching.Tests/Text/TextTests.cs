using System.Numerics.Tensors;
using Trellis.Matching.Text;

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
}
