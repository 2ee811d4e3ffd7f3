using System.Text;

namespace Trellis.Matching.CommandLine;

/// <summary>
/// Writes a file so that it is either complete or not there: into a temporary file in the same
/// folder (so the rename stays on one file system), flushed to disk, then renamed over the target
/// in one step. A crash, a full disk or an unwritable folder leaves the previous file as it was and
/// no temporary file behind.
/// </summary>
internal static class AtomicFile
{
    public static Stream OpenNew(string path) =>
        new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);

    public static void Write(string path, Action<TextWriter> write, Func<string, Stream>? open = null)
    {
        var target = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = (open ?? OpenNew)(temp))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
            {
                write(writer);
                writer.Flush();
                if (stream is FileStream file) file.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); }
            catch (IOException) { /* the original error is the one to report */ }
            throw;
        }
    }
}
