namespace MotCua.Cli.Bench;

/// <summary>The unit <c>@unit</c> and all its descendants, as the raw baselines of <c>bench reports</c> select them.</summary>
internal static class RawSubtree
{
    public const string Cte = """
        with recursive subtree as (
            select "Id" from "OrganisationalUnits" where "Id" = @unit
            union all
            select u."Id" from "OrganisationalUnits" u join subtree s on u."ParentId" = s."Id"
        )
        """;
}
