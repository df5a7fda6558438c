using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;

namespace MotCua.Persistence.Seeding.Dossiers;

/// <summary>Allocates dossier-code sequences and register-book numbers for generated dossiers, continuing the stored
/// counters, so that a receipt through the API after seeding gets the next number without a gap.</summary>
public sealed class SeedNumbering
{
    private readonly Dictionary<(Guid Unit, DateOnly Date), int> _codes;
    private readonly Dictionary<(Guid Desk, int Year), int> _register;

    private SeedNumbering(Dictionary<(Guid, DateOnly), int> codes, Dictionary<(Guid, int), int> register)
    {
        _codes = codes;
        _register = register;
    }

    /// <summary>The code counters touched, with their new last sequence.</summary>
    public IEnumerable<KeyValuePair<(Guid Unit, DateOnly Date), int>> CodeCounters => _codes;

    /// <summary>The register-book counters touched, with their new last number.</summary>
    public IEnumerable<KeyValuePair<(Guid Desk, int Year), int>> RegisterCounters => _register;

    /// <summary>Reads the stored counters.</summary>
    public static async Task<SeedNumbering> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var codes = (await db.DossierCodeCounters.AsNoTracking().ToListAsync(ct)).ToDictionary(c => (c.UnitId, c.Date), c => c.LastSequence);
        var register = (await db.RegisterBookCounters.AsNoTracking().ToListAsync(ct)).ToDictionary(c => (c.DeskId, c.Year), c => c.LastNumber);
        return new SeedNumbering(codes, register);
    }

    /// <summary>The next code of <paramref name="unitId"/> for a receipt at <paramref name="receivedAtUtc"/>; call in
    /// receipt order so sequences rise with time.</summary>
    public DossierCode NextCode(Guid unitId, string unitIdentifier, DateTime receivedAtUtc)
    {
        var date = VietnamTime.BusinessDate(receivedAtUtc);
        var next = _codes.GetValueOrDefault((unitId, date)) + 1;
        _codes[(unitId, date)] = next;
        var code = DossierCode.Create(unitIdentifier, date, next);
        return code.IsSuccess ? code.Value : throw new InvalidOperationException(code.Error.Message);
    }

    /// <summary>The next register-book number of <paramref name="deskId"/> in the Vietnam year of the receipt.</summary>
    public (int Year, int Number) NextRegisterNumber(Guid deskId, DateTime receivedAtUtc)
    {
        var year = VietnamTime.ToLocal(receivedAtUtc).Year;
        var next = _register.GetValueOrDefault((deskId, year)) + 1;
        _register[(deskId, year)] = next;
        return (year, next);
    }
}
