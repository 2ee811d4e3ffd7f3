using System.IO.Compression;
using System.Text;

namespace Trellis.Web.Tests.Critiques;

/// <summary>Real, minimal files of each kind Trellis accepts, and a few it must refuse.</summary>
public static class SampleFiles
{
    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
        "trailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A 1×1 PNG: signature, IHDR, IDAT, IEND.</summary>
    public static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>The start of a JFIF JPEG (SOI, APP0) and its end marker.</summary>
    public static byte[] Jpeg() =>
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    public static byte[] Docx() => Office("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml",
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>My CV</w:t></w:r></w:p></w:body></w:document>");

    public static byte[] Xlsx() => Office("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml",
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>");

    public static byte[] Pptx() => Office("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", "ppt/presentation.xml",
        "<p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>");

    /// <summary>A zip that is not an Office document (no main part).</summary>
    public static byte[] PlainZip() => Zip(("notes/readme.txt", "hello"), ("[Content_Types].xml", "<Types/>"));

    /// <summary>The start of a Windows executable ("MZ" header).</summary>
    public static byte[] Exe() => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    public static byte[] Text(string text = "Draft of my talk.\nIt has ümlauts and emoji 🌱.\n") => Encoding.UTF8.GetBytes(text);

    private static byte[] Office(string mainType, string mainPart, string mainXml)
    {
        var contentTypes =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            $"<Override PartName=\"/{mainPart}\" ContentType=\"{mainType}\"/></Types>";
        var rels =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            $"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"{mainPart}\"/></Relationships>";
        return Zip(("[Content_Types].xml", contentTypes), ("_rels/.rels", rels), (mainPart, mainXml));
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
