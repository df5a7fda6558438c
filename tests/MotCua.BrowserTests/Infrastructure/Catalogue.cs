using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Catalogue.Fixture;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;

namespace MotCua.BrowserTests.Infrastructure;

/// <summary>Procedures of the seeded catalogue (the same fixture file the demo seed loads, so the ids match).</summary>
public static class Catalogue
{
    /// <summary>The first procedure counted in working days whose terms the engine accepts (the integration harness's
    /// choice too: received at the Tô Hiệu commune desk, decided by the Department of Justice).</summary>
    public static async Task<Guid> WorkingDayProcedureAsync() =>
        (await AllAsync()).First(p => p.ProcessingTime.Unit == ProcessingTimeUnit.WorkingDay && ProcedureTerms.From(p).IsSuccess).Id;

    /// <summary>A provincial procedure (criminal record certificate, LOCAL.LLTP-01) that a commune desk receives and the
    /// Department of Justice settles: the desk → head → handling officer journeys run on it.</summary>
    public static async Task<Procedure> ProvincialProcedureAsync() => (await AllAsync()).First(p => p.Code.Value == "LOCAL.LLTP-01");

    private static async Task<IReadOnlyList<Procedure>> AllAsync()
    {
        var path = Path.Combine(DataRoot.Find(AppContext.BaseDirectory), "src", "MotCua.Persistence", "Seeding", "Procedures", "procedures.json");
        return ProcedureFixture.Parse(await File.ReadAllTextAsync(path)).Value;
    }
}
