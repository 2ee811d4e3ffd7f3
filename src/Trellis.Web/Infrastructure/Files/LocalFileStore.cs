using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Trellis.Web.Infrastructure.Data;

namespace Trellis.Web.Infrastructure.Files;

/// <summary>
/// Files on the local disk under &lt;DataDirectory&gt;/files, outside the web root, named by a random key
/// (32 hex digits). A file is written under a temporary name and renamed when complete, so a crash never
/// leaves a half-written file under a real key.
/// </summary>
public sealed class LocalFileStore(DataDirectory data, IOptions<FileStoreOptions> options, TimeProvider time) : IFileStore
{
    private readonly string _root = data.Resolve(options.Value.Folder);

    public async Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(_root);
        var key = Guid.NewGuid().ToString("N");
        var temporary = Path.Combine(_root, key + ".partial");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                await content.CopyToAsync(file, ct);
            File.Move(temporary, PathOf(key));
            return key;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredFile> ListAsync([EnumeratorCancellation] CancellationToken ct)
    {
        if (!Directory.Exists(_root)) yield break;
        var now = time.GetUtcNow();
        foreach (var path in Directory.EnumerateFiles(_root))
        {
            ct.ThrowIfCancellationRequested();
            var name = Path.GetFileName(path);
            // A ".partial" file is an upload still being written, or one a crash cut short.
            var key = name.EndsWith(".partial", StringComparison.Ordinal) ? name[..^".partial".Length] : name;
            if (!IsKey(key)) continue;
            var written = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
            yield return new StoredFile(name, written > now ? now : written);
        }
        await Task.CompletedTask;
    }

    /// <summary>Only keys this store made map to a path: nothing else can point outside the folder.</summary>
    private string PathOf(string key)
    {
        if (!IsKey(key) && !(key.EndsWith(".partial", StringComparison.Ordinal) && IsKey(key[..^".partial".Length])))
            throw new ArgumentException("Not a file key.", nameof(key));
        return Path.Combine(_root, key);
    }

    private static bool IsKey(string key) => key.Length == 32 && key.All(char.IsAsciiHexDigitLower);
}
