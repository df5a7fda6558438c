namespace MotCua.Persistence.Catalogue;

/// <summary>A 1-based page request; out-of-range values are clamped rather than rejected (they come from a URL).</summary>
public sealed record CataloguePaging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public CataloguePaging(int page = 1, int pageSize = DefaultPageSize)
    {
        Page = Math.Max(1, page);
        PageSize = Math.Clamp(pageSize, 1, MaxPageSize);
    }

    public int Page { get; }

    public int PageSize { get; }

    public int Skip => (Page - 1) * PageSize;
}
