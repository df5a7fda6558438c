using System.Globalization;
using Npgsql;

namespace MotCua.Cli.Bench;

/// <summary>The baseline of <c>bench reports</c>: Biểu 06 computed the straightforward way, one GROUP BY over the raw
/// dossiers of the unit's subtree, the way a report is usually written without kept aggregates (issue 10 §5 asks for the
/// kept-statistics report to be at least 20× faster than this, measured in the same run). Its service-centre variant
/// (<c>form06-desk</c>) is the same query over the dossiers <b>received</b> in the subtree, by receiving unit and
/// sector.</summary>
/// <remarks>It follows the statistics' rules where a single row of <c>Dossiers</c> can: a dossier ended without a result
/// counts as on time (the form's note), early / on time / late compare the end with the legal appointment by calendar
/// day or by minute as the dossier's deadline policy says. It cannot replay the history, so "overdue at the period end"
/// is judged by the current appointment alone (a dossier paused for a supplement asked in time counts as overdue here),
/// and a dossier whose legal appointment changed after it ended is judged by the last one: the bench prints the cells
/// where the two differ instead of hiding them.</remarks>
internal static class RawForm06Query
{
    // Business dates are Vietnam dates (UTC+7, no daylight saving); Compare() in Dossier.Deadlines does the same, and
    // DueDate() takes the day of the instant one tick before the appointment.
    // UNIT_COLUMN: the unit column the subtree selects; LINE_GROUP: the lines' group (procedure level, or receiving unit).
    private const string Sql = RawSubtree.Cte + """
        ,
        d as (
            select d."Channel" as channel, d."Status" as status, d."ReceivedAt" as received, d."ProcessingEndedAt" as ended,
                   d."CurrentAppointmentAt" as current_due, LINE_GROUP as grp, p."SectorName" as sector,
                   case
                       when d."OriginalAppointmentAt" is null then null
                       when d."DeadlinePolicy" = 'CalendarDayEnd' then sign(
                           ((d."ProcessingEndedAt" + interval '7 hours')::date - (d."OriginalAppointmentAt" - interval '1 microsecond' + interval '7 hours')::date))
                       else sign(extract(epoch from date_trunc('minute', d."ProcessingEndedAt") - date_trunc('minute', d."OriginalAppointmentAt")))
                   end as cmp
            from "Dossiers" d
            join "Procedures" p on p."Id" = d."ProcedureId"
            where d.UNIT_COLUMN in (select "Id" from subtree)
              and d."ReceivedAt" < @end
              and (d."ProcessingEndedAt" is null or d."ProcessingEndedAt" >= @start)
        )
        select grp, sector,
               count(*) filter (where received >= @start and channel = 'Online') as online,
               count(*) filter (where received >= @start and channel <> 'Online') as other,
               count(*) filter (where received < @start) as carried,
               count(*) filter (where ended < @end and status not in ('Withdrawn', 'RejectedAfterAppraisal', 'Stopped') and cmp < 0) as early,
               count(*) filter (where ended < @end and (status in ('Withdrawn', 'RejectedAfterAppraisal', 'Stopped') or cmp is null or cmp = 0)) as on_time,
               count(*) filter (where ended < @end and status not in ('Withdrawn', 'RejectedAfterAppraisal', 'Stopped') and cmp > 0) as late,
               count(*) filter (where ended is null or ended >= @end) as open,
               count(*) filter (where (ended is null or ended >= @end) and current_due < @end) as overdue
        from d
        group by grp, sector
        """;

    private static readonly string ByCompetentUnit = Sql.Replace("UNIT_COLUMN", "\"CompetentUnitId\"", StringComparison.Ordinal)
        .Replace("LINE_GROUP", "p.\"Level\"", StringComparison.Ordinal);

    private static readonly string ByReceivingUnit = Sql.Replace("UNIT_COLUMN", "\"ReceivingUnitId\"", StringComparison.Ordinal)
        .Replace("LINE_GROUP", "d.\"ReceivingUnitId\"::text", StringComparison.Ordinal);

    /// <summary>The total row (columns 3–13) and the number of (level, sector) rows.</summary>
    public sealed record Result(int[] Columns, int Rows);

    /// <param name="connection"></param>

    /// <param name="unit"></param>
    /// <param name="from"></param>
    /// <param name="to"></param>
    /// <param name="ct"></param>    /// <param name="byReceivingUnit">The service-centre variant: dossiers received in the subtree, lines by receiving unit.</param>
    public static async Task<Result> RunAsync(
        NpgsqlConnection connection, Guid unit, DateOnly from, DateOnly to, CancellationToken ct, bool byReceivingUnit = false)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = RawSubtree.Command(connection, byReceivingUnit ? ByReceivingUnit : ByCompetentUnit, unit, from, to);
        await using var reader = await command.ExecuteReaderAsync(ct);
        long online = 0, other = 0, carried = 0, early = 0, onTime = 0, late = 0, open = 0, overdue = 0;
        var rows = 0;
        while (await reader.ReadAsync(ct))
        {
            rows++;
            online += reader.GetInt64(2);
            other += reader.GetInt64(3);
            carried += reader.GetInt64(4);
            early += reader.GetInt64(5);
            onTime += reader.GetInt64(6);
            late += reader.GetInt64(7);
            open += reader.GetInt64(8);
            overdue += reader.GetInt64(9);
        }

        long[] sums = [online + other + carried, online, other, carried, early + onTime + late, early, onTime, late, open, open - overdue, overdue];
        var columns = sums.Select(v => checked((int)v)).ToArray();
        return new Result(columns, rows);
    }

    /// <summary>The names of columns 3–13, for printing.</summary>
    public static readonly string[] ColumnNames =
        ["3 tổng", "4 trực tuyến", "5 trực tiếp", "6 kỳ trước", "7 đã GQ", "8 trước hạn", "9 đúng hạn", "10 quá hạn", "11 đang GQ", "12 trong hạn", "13 quá hạn"];

    public static string Format(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
