namespace Trellis.Web.Infrastructure.Files;

/// <summary>Settings under "Files".</summary>
public sealed class FileStoreOptions
{
    public const string SectionName = "Files";

    /// <summary>The largest file a member may upload (default 20 MB).</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Where the local store keeps files, relative to the data directory.</summary>
    public string Folder { get; set; } = "files";

    /// <summary>How old an unreferenced file must be before the sweep removes it (an upload in flight is younger).</summary>
    public TimeSpan OrphanAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The request body allowed for an upload: the file plus room for the form's other fields.</summary>
    public long MaxRequestBytes => MaxBytes + 64 * 1024;

    public string Describe() => MaxBytes % (1024 * 1024) == 0 ? $"{MaxBytes / (1024 * 1024)} MB" : $"{MaxBytes:N0} bytes";
}
