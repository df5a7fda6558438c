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
    public static async Task<Guid> WorkingDayProcedureAsync() => (await WorkingDayProcedureDetailAsync()).Id;

    /// <inheritdoc cref="WorkingDayProcedureAsync"/>
    public static async Task<Procedure> WorkingDayProcedureDetailAsync()
    {
        var path = Path.Combine(DataRoot.Find(AppContext.BaseDirectory), "src", "MotCua.Persistence", "Seeding", "Procedures", "procedures.json");
        var procedures = ProcedureFixture.Parse(await File.ReadAllTextAsync(path)).Value;
        return procedures.First(p => p.ProcessingTime.Unit == ProcessingTimeUnit.WorkingDay && ProcedureTerms.From(p).IsSuccess);
    }
}
