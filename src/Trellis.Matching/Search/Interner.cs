namespace Trellis.Matching.Search;

/// <summary>Read-only term ↔ id table that readers may use while the writer keeps interning.</summary>
internal sealed class InternTable<T>(Dictionary<T, int> ids, T[] items) where T : notnull
{
    public static readonly InternTable<T> Empty = new([], []);

    public int Count => items.Length;
    public T this[int id] => items[id];
    public int IdOf(T key) => ids.TryGetValue(key, out var id) ? id : -1;
}

/// <summary>Writer-side interner; <see cref="Publish"/> copies only when new terms arrived.</summary>
internal sealed class Interner<T> where T : notnull
{
    private readonly Dictionary<T, int> _ids = [];
    private readonly List<T> _items = [];
    private InternTable<T> _published = InternTable<T>.Empty;

    public int Intern(T key)
    {
        if (_ids.TryGetValue(key, out var id)) return id;
        id = _items.Count;
        _ids.Add(key, id);
        _items.Add(key);
        return id;
    }

    public InternTable<T> Publish() =>
        _published.Count == _items.Count ? _published : _published = new InternTable<T>(new Dictionary<T, int>(_ids), [.. _items]);
}
