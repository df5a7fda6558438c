using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Statistics;

namespace MotCua.IntegrationTests.Statistics;

/// <summary><see cref="StatisticsReader.PrefixAsync(AppDbContext, IReadOnlyCollection{Guid}, DateOnly, StatGroups, StatUnit, CancellationToken)"/>
/// on known rows of two competent units received at two desks: by competent unit it reads the competent grains, by
/// receiving unit the desk grains, keeping the desks apart and summing over the competent units; whole months from the
/// month rows, the rest of a month from the day rows.</summary>
public sealed class StatisticsReaderTests
{
    [Theory, AllDatabases]
    public async Task Prefix_ByCompetentOrReceivingUnit_SumsOverTheOther(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var (a, b, x, y, procedure) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        // Each count in both views, as the applier writes it: by competent unit (Day, Month) and by receiving unit (DeskDay,
        // DeskMonth).
        var rows = new Dictionary<(Guid, StatGrain, DateOnly, Guid), DossierDayStat>();
        void Add(Guid unit, Guid desk, bool month, DateOnly day, int received)
        {
            foreach (var (u, grain, d) in new[] { (unit, month ? StatGrain.Month : StatGrain.Day, Guid.Empty), (Guid.Empty, month ? StatGrain.DeskMonth : StatGrain.DeskDay, desk) })
            {
                var row = rows.TryGetValue((u, grain, day, d), out var r) ? r : rows[(u, grain, day, d)] = new DossierDayStat
                {
                    UnitId = u,
                    ReceivingUnitId = d,
                    Grain = grain,
                    Day = day,
                    ProcedureId = procedure,
                    Channel = DossierChannel.InPerson,
                };
                row.Received += received;
            }
        }

        var (january, february) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1));
        Add(a, x, true, january, 3);
        Add(a, x, false, new DateOnly(2026, 2, 10), 2);
        Add(a, x, true, february, 2);
        Add(a, y, true, january, 5);
        Add(a, y, false, new DateOnly(2026, 2, 5), 1);
        Add(a, y, true, february, 1);
        Add(b, x, true, january, 7);
        await using (var db = database.CreateContext())
        {
            db.DossierDayStats.AddRange(rows.Values);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var midFebruary = new DateOnly(2026, 2, 7);
            const StatGroups byUnit = StatGroups.Unit | StatGroups.Procedure;
            async Task<string> ReadAsync(Guid[] units, DateOnly day, StatGroups groups, StatUnit by) =>
                string.Join(", ", (await StatisticsReader.PrefixAsync(db, units, day, groups, by, ct))
                    .Select(p => $"{Name(p.Key.UnitId)} {p.Value.Received}").Order(StringComparer.Ordinal));
            string Name(Guid unit) => unit == a ? "A" : unit == b ? "B" : unit == x ? "X" : unit == y ? "Y" : unit == Guid.Empty ? "-" : "?";

            Assert.Equal("A 9", await ReadAsync([a], midFebruary, byUnit, StatUnit.Competent));
            Assert.Equal("A 11, B 7", await ReadAsync([a, b], new DateOnly(2026, 2, 28), byUnit, StatUnit.Competent));
            Assert.Equal("X 10", await ReadAsync([x], midFebruary, byUnit, StatUnit.Receiving));
            Assert.Equal("X 10, Y 6", await ReadAsync([x, y], midFebruary, byUnit, StatUnit.Receiving));
            Assert.Equal("X 12, Y 6", await ReadAsync([x, y], new DateOnly(2026, 2, 28), byUnit, StatUnit.Receiving));
            Assert.Equal("- 16", await ReadAsync([x, y], midFebruary, StatGroups.Procedure, StatUnit.Receiving));
            Assert.Equal("- 18", await ReadAsync([a, b], new DateOnly(2026, 3, 31), StatGroups.None, StatUnit.Competent));
            Assert.Equal("", await ReadAsync([a, b], new DateOnly(2026, 2, 7), byUnit, StatUnit.Receiving));
        }
    }
}
