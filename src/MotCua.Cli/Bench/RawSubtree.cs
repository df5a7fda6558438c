using MotCua.Domain.Calendar;
using Npgsql;

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

    /// <summary>A command for <paramref name="sql"/> (which starts with <see cref="Cte"/>) with <c>@unit</c> and the
    /// period's instants <c>@start</c> (inclusive) and <c>@end</c> (exclusive) bound.</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, Guid unit, DateOnly from, DateOnly to)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("unit", unit);
        command.Parameters.AddWithValue("start", VietnamTime.StartOfDayUtc(from));
        command.Parameters.AddWithValue("end", VietnamTime.StartOfDayUtc(to.AddDays(1)));
        return command;
    }
}
