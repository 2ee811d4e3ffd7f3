using Trellis.Web.Infrastructure.Files;

namespace Trellis.Web.Tests.Critiques;

public sealed class FileSnifferTests
{
    public static TheoryData<string, string, string?> Headers => new()
    {
        { "pdf", "report.pdf", "application/pdf" },
        { "png", "diagram.png", "image/png" },
        { "jpeg", "photo.jpg", "image/jpeg" },
        { "jpeg", "photo.jpeg", "image/jpeg" },
        { "docx", "cv.docx", FileSniffer.Docx.ContentType },
        { "xlsx", "budget.xlsx", FileSniffer.Xlsx.ContentType },
        { "pptx", "talk.pptx", FileSniffer.Pptx.ContentType },
        { "text", "draft.txt", "text/plain; charset=utf-8" },
        { "text", "draft.md", "text/markdown; charset=utf-8" },
        { "text", "no-extension", "text/plain; charset=utf-8" },
        { "exe", "setup.exe", null },
        { "exe", "renamed.pdf", null },
        { "zip", "archive.docx", null },
        { "invalid-utf8", "latin1.txt", null },
        { "nul", "binary.txt", null },
        { "cut-utf8", "cut.txt", null },
        { "empty", "empty.txt", null },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Sniff_DecidesByContent(string sample, string name, string? expected)
    {
        using var content = new MemoryStream(Bytes(sample));
        var kind = FileSniffer.Sniff(content, name);
        Assert.Equal(expected, kind?.ContentType);
        Assert.Equal(0, content.Position);
    }

    [Theory]
    [InlineData("pdf", "report.png")]
    [InlineData("png", "diagram.pdf")]
    [InlineData("docx", "cv.xlsx")]
    [InlineData("text", "notes.exe")]
    public void ANameThatContradictsTheContent_IsCaught(string sample, string name)
    {
        var kind = FileSniffer.Sniff(new MemoryStream(Bytes(sample)), name)!;
        Assert.True(FileNames.ExtensionContradicts(name, kind));
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\tom\\My CV.pdf", "My CV.pdf")]
    [InlineData("report", "report.pdf")]
    [InlineData("", "work.pdf")]
    [InlineData("evil\"; filename=x.pdf", "evil_; filename=x.pdf")]
    [InlineData("line\r\nbreak.pdf", "line__break.pdf")]
    [InlineData("...pdf", "work.pdf")]
    public void Sanitise_KeepsOnlyAHarmlessName_WithTheRealExtension(string client, string expected) =>
        Assert.Equal(expected, FileNames.Sanitise(client, FileSniffer.Pdf));

    [Fact]
    public void Sanitise_CutsLongNames_KeepingTheExtension()
    {
        var name = FileNames.Sanitise(new string('a', 500) + ".pdf", FileSniffer.Pdf);
        Assert.Equal(FileNames.MaxLength, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }

    [Fact]
    public void AttachmentHeader_EncodesNonAsciiNames_AsRfc6266()
    {
        var header = FileNames.AttachmentHeader("Relatório final ü.pdf");
        Assert.Equal("attachment; filename=\"Relat_rio final _.pdf\"; filename*=UTF-8''Relat%C3%B3rio%20final%20%C3%BC.pdf", header);
        var parsed = System.Net.Http.Headers.ContentDispositionHeaderValue.Parse(header);
        Assert.Equal("Relatório final ü.pdf", parsed.FileNameStar);
    }

    internal static byte[] Bytes(string sample) => sample switch
    {
        "pdf" => SampleFiles.Pdf(),
        "png" => SampleFiles.Png(),
        "jpeg" => SampleFiles.Jpeg(),
        "docx" => SampleFiles.Docx(),
        "xlsx" => SampleFiles.Xlsx(),
        "pptx" => SampleFiles.Pptx(),
        "text" => SampleFiles.Text(),
        "exe" => SampleFiles.Exe(),
        "zip" => SampleFiles.PlainZip(),
        "invalid-utf8" => [0x63, 0x61, 0x66, 0xE9, 0x0A], // "café" in Latin-1
        "nul" => [0x61, 0x00, 0x62],
        "cut-utf8" => [0x61, 0xE2, 0x82], // the first two bytes of "€"
        "empty" => [],
        _ => throw new ArgumentOutOfRangeException(nameof(sample)),
    };
}
