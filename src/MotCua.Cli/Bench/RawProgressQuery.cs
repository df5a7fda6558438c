using MotCua.Domain.Calendar;
using Npgsql;

namespace MotCua.Cli.Bench;

/// <summary>The baseline for the scorecard in <c>bench reports</c>: 766 indicator 2.1 of a unit's subtree counted by one
/// GROUP BY over the raw dossiers, the straightforward way (issue 10 §5).</summary>
/// <remarks>Denominator: received by the period's end and not ended before it began. Late: ended in the period after the
/// current appointment or marked late by a repeated supplement; or open at the period's end past the current
/// appointment. Without the history it cannot judge a dossier paused for a supplement by the time of the request, so
/// its late count may differ from the kept statistics by those dossiers; the bench prints both.</remarks>
internal static class RawProgressQuery
{
    private const string Sql = RawSubtree.Cte + """

        select d."ProcedureId",
               count(*) as counted,
               count(*) filter (where (d."ProcessingEndedAt" < @end
                                       and (d."MarkedLateByRepeatedSupplement" or d."ProcessingEndedAt" > d."CurrentAppointmentAt"))
                                   or ((d."ProcessingEndedAt" is null or d."ProcessingEndedAt" >= @end) and d."CurrentAppointmentAt" < @end)) as late
        from "Dossiers" d
        where d."CompetentUnitId" in (select "Id" from subtree)
          and d."ReceivedAt" < @end
          and (d."ProcessingEndedAt" is null or d."ProcessingEndedAt" >= @start)
        group by d."ProcedureId"
        """;

    /// <summary>(numerator, denominator) of 2.1.</summary>
    public static async Task<(long OnTime, long Counted)> RunAsync(NpgsqlConnection connection, Guid unit, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue("unit", unit);
        command.Parameters.AddWithValue("start", VietnamTime.StartOfDayUtc(from));
        command.Parameters.AddWithValue("end", VietnamTime.StartOfDayUtc(to.AddDays(1)));
        await using var reader = await command.ExecuteReaderAsync(ct);
        long counted = 0, late = 0;
        while (await reader.ReadAsync(ct))
        {
            counted += reader.GetInt64(1);
            late += reader.GetInt64(2);
        }

        return (counted - late, counted);
    }
}
