namespace MotCua.Persistence.Catalogue;

/// <summary>One page of results and the total number of matches.</summary>
public sealed record CataloguePage<T>(IReadOnlyList<T> Items, int TotalCount, CataloguePaging Paging)
{
    public int PageCount => TotalCount == 0 ? 0 : (TotalCount + Paging.PageSize - 1) / Paging.PageSize;

    public bool HasPrevious => Paging.Page > 1;

    public bool HasNext => Paging.Page < PageCount;
}
