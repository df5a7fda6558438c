using Npgsql;

namespace MotCua.Cli.Bench;

/// <summary>The baseline for the scorecard in <c>bench reports</c>: the 766 indicators MotCua computes from dossiers
/// (2.1, 3.4 and 5.4) for a unit's subtree, counted by one GROUP BY over the raw dossiers, the straightforward way
/// (issue 10 §5). 5.2 and 5.3 read the PAKN the same way in both, so they are left out of the comparison.</summary>
/// <remarks>2.1: counted = received by the period's end and not ended before it began; late = ended in the period after
/// the current appointment or marked late by a repeated supplement, or open at the period's end past the current
/// appointment. Without the history it cannot judge a dossier paused for a supplement by the time of the request, so
/// its late count may differ from the kept statistics by those dossiers; the bench prints both. 3.4: received online in
/// the period / received in the period, of full-online procedures. 5.4: ended in the period, less the late ones (same
/// test as 2.1's ended part), less those rated "dissatisfied" or worse or named by a PAKN.</remarks>
internal static class RawScorecardQuery
{
    private const string Sql = RawSubtree.Cte + """

        select count(*) as counted,
               count(*) filter (where (d."ProcessingEndedAt" < @end
                                       and (d."MarkedLateByRepeatedSupplement" or d."ProcessingEndedAt" > d."CurrentAppointmentAt"))
                                   or ((d."ProcessingEndedAt" is null or d."ProcessingEndedAt" >= @end) and d."CurrentAppointmentAt" < @end)) as late,
               count(*) filter (where p."OnlineLevel" = 'Full' and d."ReceivedAt" >= @start) as full_online_received,
               count(*) filter (where p."OnlineLevel" = 'Full' and d."ReceivedAt" >= @start and d."Channel" = 'Online') as full_online_online,
               count(*) filter (where d."ProcessingEndedAt" < @end) as ended,
               count(*) filter (where d."ProcessingEndedAt" < @end and d."CurrentAppointmentAt" is not null
                                  and (d."MarkedLateByRepeatedSupplement" or d."ProcessingEndedAt" > d."CurrentAppointmentAt")) as ended_late,
               count(*) filter (where d."ProcessingEndedAt" < @end
                                  and (exists (select 1 from "SatisfactionRatings" r
                                               where r."DossierId" = d."Id" and r."Overall" in ('VeryDissatisfied', 'Dissatisfied'))
                                       or exists (select 1 from "PaknCases" k where k."DossierId" = d."Id"))) as complained
        from "Dossiers" d
        join "Procedures" p on p."Id" = d."ProcedureId"
        where d."CompetentUnitId" in (select "Id" from subtree)
          and d."ReceivedAt" < @end
          and (d."ProcessingEndedAt" is null or d."ProcessingEndedAt" >= @start)
        """;

    /// <summary>(numerator, denominator) of each indicator.</summary>
    public sealed record Figures((long, long) Progress, (long, long) FullOnline, (long, long) DossierSatisfaction);

    public static async Task<Figures> RunAsync(NpgsqlConnection connection, Guid unit, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = RawSubtree.Command(connection, Sql, unit, from, to);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (counted, late) = (reader.GetInt64(0), reader.GetInt64(1));
        var (ended, endedLate, complained) = (reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
        return new Figures(
            (counted - late, counted), (reader.GetInt64(3), reader.GetInt64(2)), (Math.Max(0, ended - endedLate - complained), ended));
    }
}
