namespace Trellis.Web.Infrastructure.Data;

/// <summary>The one folder where a laptop install keeps everything: database, mail drop, keys, files.</summary>
public sealed class DataDirectory(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Resolve(string relativeOrAbsolute) =>
        Path.IsPathRooted(relativeOrAbsolute) ? relativeOrAbsolute : Path.Combine(Root, relativeOrAbsolute);
}
