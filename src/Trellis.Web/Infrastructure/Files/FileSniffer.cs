using System.IO.Compression;
using System.Text;

namespace Trellis.Web.Infrastructure.Files;

/// <summary>A kind of file Trellis accepts: what its bytes look like decides it, never its name.</summary>
public sealed record FileKind(string Name, string ContentType, params string[] Extensions)
{
    public string Extension => Extensions[0];
}

/// <summary>
/// Decides what a file is from its content: the signature at its start, and for Office files the main
/// part inside the zip. Text must be valid UTF-8 without NUL bytes. Anything else is refused, whatever
/// the client called it or claimed its Content-Type was.
/// </summary>
public static class FileSniffer
{
    public static readonly FileKind Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly FileKind Png = new("PNG image", "image/png", ".png");
    public static readonly FileKind Jpeg = new("JPEG image", "image/jpeg", ".jpg", ".jpeg");
    public static readonly FileKind Docx = new("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly FileKind Pptx = new("PowerPoint presentation", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    public static readonly FileKind Xlsx = new("Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly FileKind Text = new("text", "text/plain; charset=utf-8", ".txt");
    public static readonly FileKind Markdown = new("Markdown", "text/markdown; charset=utf-8", ".md", ".markdown");

    public static IReadOnlyList<FileKind> All { get; } = [Pdf, Png, Jpeg, Docx, Pptx, Xlsx, Text, Markdown];

    public const string Accepted = "PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx), PNG, JPEG, plain text or Markdown";

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The kind of the content (read from the start of a seekable stream), or null when it is none we accept.
    /// <paramref name="fileName"/> only tells plain text from Markdown, which bytes cannot.</summary>
    public static FileKind? Sniff(Stream content, string? fileName)
    {
        if (!content.CanSeek) throw new ArgumentException("The content must be seekable.", nameof(content));
        content.Position = 0;
        Span<byte> head = stackalloc byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;
        try
        {
            if (head.StartsWith(PdfSignature)) return Pdf;
            if (head.StartsWith(PngSignature)) return Png;
            if (head.StartsWith(JpegSignature)) return Jpeg;
            if (head.StartsWith(ZipSignature)) return Office(content);
            if (read > 0 && IsUtf8Text(content))
                return Markdown.Extensions.Contains(Path.GetExtension(fileName ?? "").ToLowerInvariant()) ? Markdown : Text;
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>An Office Open XML file is a zip whose main part names the application. Only the zip's
    /// directory is read, nothing is decompressed, so a zip bomb costs nothing here.</summary>
    private static FileKind? Office(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml")) return null;
            if (names.Contains("word/document.xml")) return Docx;
            if (names.Contains("ppt/presentation.xml")) return Pptx;
            if (names.Contains("xl/workbook.xml")) return Xlsx;
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool IsUtf8Text(Stream content)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 1];
        try
        {
            int n;
            while ((n = content.Read(bytes, 0, bytes.Length)) > 0)
            {
                if (bytes.AsSpan(0, n).Contains((byte)0)) return false;
                decoder.GetChars(bytes, 0, n, chars, 0, flush: false);
            }
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true); // a sequence cut off at the end is invalid too
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
