using Trellis.Web.Features.Resources;

namespace Trellis.Web.Tests.Resources;

public sealed class IsbnTests
{
    [Theory]
    [InlineData("978-0-13-468599-1", "9780134685991")] // Effective Java, 3rd ed.
    [InlineData("0-13-468599-7", "9780134685991")]     // the same book as ISBN-10
    [InlineData("0 306 40615 2", "9780306406157")]
    [InlineData("080442957X", "9780804429573")]         // X check digit
    [InlineData("080442957x", "9780804429573")]
    [InlineData("979-10-90636-07-1", "9791090636071")] // 979 prefix
    public void RealIsbns_AreNormalisedToIsbn13(string input, string expected) => Assert.Equal(expected, Isbn.Normalise(input));

    [Theory]
    [InlineData("978-0-13-468599-2")] // wrong check digit
    [InlineData("0-13-468599-8")]
    [InlineData("0804429579")]         // X expected
    [InlineData("X804429573")]         // X only allowed last
    [InlineData("977-0-13-468599-1")] // not a book prefix
    [InlineData("12345")]
    [InlineData("978013468599")]
    [InlineData("97801346859911")]
    [InlineData("978-0-13-46859a-1")]
    [InlineData("")]
    [InlineData("9780134685991X")]
    public void Malformed_OrWrongCheckDigit_IsRefused(string input) => Assert.Null(Isbn.Normalise(input));

    /// <summary>Property: any nine digits with their ISBN-10 check character form a valid ISBN-10, whose
    /// ISBN-13 form is valid, starts with 978 and keeps the nine digits; changing any one digit breaks it.</summary>
    [Fact]
    public void EveryIsbn10_NormalisesToAValidIsbn13_AndEverySingleDigitErrorIsCaught()
    {
        var random = new Random(20261126);
        for (var n = 0; n < 2000; n++)
        {
            var nine = string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('0' + random.Next(10))));
            var isbn10 = nine + Isbn.CheckDigit10(nine);
            Assert.True(Isbn.IsValid10(isbn10), isbn10);
            var isbn13 = Isbn.Normalise(Hyphenate(isbn10, random));
            Assert.NotNull(isbn13);
            Assert.True(Isbn.IsValid13(isbn13), isbn13);
            Assert.Equal("978" + nine, isbn13[..12]);

            var position = random.Next(10);
            var wrong = isbn10.ToCharArray();
            var replacement = position == 9 ? "0123456789X"[random.Next(11)] : (char)('0' + random.Next(10));
            if (replacement == wrong[position]) continue;
            wrong[position] = replacement;
            Assert.Null(Isbn.Normalise(new string(wrong)));
        }
    }

    /// <summary>Property: ISBN-13 catches every single-digit error, and ISBN-10 every swap of two adjacent different digits.</summary>
    [Fact]
    public void Isbn13_CatchesSingleDigitErrors_Isbn10_CatchesAdjacentSwaps()
    {
        var random = new Random(5);
        for (var n = 0; n < 2000; n++)
        {
            var twelve = (random.Next(2) == 0 ? "978" : "979") + string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('0' + random.Next(10))));
            var isbn13 = twelve + Isbn.CheckDigit13(twelve);
            Assert.Equal(isbn13, Isbn.Normalise(isbn13));
            var position = 3 + random.Next(10);
            var wrong = isbn13.ToCharArray();
            var digit = (char)('0' + random.Next(10));
            if (digit != wrong[position])
            {
                wrong[position] = digit;
                Assert.Null(Isbn.Normalise(new string(wrong)));
            }

            var nine = twelve[3..];
            var isbn10 = (nine + Isbn.CheckDigit10(nine)).ToCharArray();
            var i = random.Next(9);
            if (isbn10[i] == isbn10[i + 1]) continue;
            (isbn10[i], isbn10[i + 1]) = (isbn10[i + 1], isbn10[i]);
            Assert.Null(Isbn.Normalise(new string(isbn10)));
        }
    }

    private static string Hyphenate(string isbn, Random random) =>
        string.Concat(isbn.Select((c, i) => i > 0 && random.Next(4) == 0 ? (random.Next(2) == 0 ? "-" : " ") + c : c.ToString()));
}
