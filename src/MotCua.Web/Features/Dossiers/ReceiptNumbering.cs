using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The numbers a received dossier gets, for a counter receipt (Create) and for an accepted online or postal
/// dossier (Accept) alike: its code for the reception date (domain.md §4.3) and its line in the desk's register book
/// (Form 06).</summary>
/// <remarks>Both run inside the transaction that saves the dossier (<see cref="DossierSequences.BeginAsync"/>), so a
/// failed receipt leaves no gap and no orphan number.</remarks>
public sealed class ReceiptNumbering(AppDbContext db)
{
    /// <summary>The next dossier code of <paramref name="receivingUnitId"/> on <paramref name="receptionDate"/>.</summary>
    /// <param name="receivingUnitId">The unit whose desk receives the dossier.</param>
    /// <param name="receptionDate">The legal reception date (Vietnam business date).</param>
    /// <param name="unitIdentifierCode">The unit's identifier code when the caller has already read it.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<Result<DossierCode>> NextCodeAsync(Guid receivingUnitId, DateOnly receptionDate, string? unitIdentifierCode, CancellationToken ct)
    {
        var unitCode = unitIdentifierCode
            ?? await db.OrganisationalUnits.Where(u => u.Id == receivingUnitId).Select(u => u.IdentifierCode).SingleOrDefaultAsync(ct);
        if (unitCode is null)
        {
            return new NotFoundError($"đơn vị {receivingUnitId}");
        }

        var sequence = await DossierSequences.NextCodeSequenceAsync(db, receivingUnitId, receptionDate, ct);
        return DossierCode.Create(unitCode, receptionDate, sequence);
    }

    /// <summary>A well-formed code of <paramref name="receivingUnitId"/> on <paramref name="receptionDate"/> that takes no
    /// number from the sequence (sequence 1), for a dry run that is never saved.</summary>
    public async Task<Result<DossierCode>> CodeWithoutAllocatingAsync(Guid receivingUnitId, DateOnly receptionDate, string? unitIdentifierCode, CancellationToken ct)
    {
        var unitCode = unitIdentifierCode
            ?? await db.OrganisationalUnits.Where(u => u.Id == receivingUnitId).Select(u => u.IdentifierCode).SingleOrDefaultAsync(ct);
        return unitCode is null ? new NotFoundError($"đơn vị {receivingUnitId}") : DossierCode.Create(unitCode, receptionDate, 1);
    }

    /// <summary>Adds the dossier's register-book line for the year of its reception, when it has been received at a
    /// desk.</summary>
    /// <returns>The line number, or <see langword="null"/> when the dossier is not received or the unit has no desk.</returns>
    public async Task<int?> AddRegisterLineAsync(Dossier dossier, Guid? deskId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        if (dossier.ReceivedAt is not { } receivedAt || deskId is not { } desk)
        {
            return null;
        }

        var year = VietnamTime.BusinessDate(receivedAt).Year;
        var number = await DossierSequences.NextRegisterNumberAsync(db, desk, year, ct);
        db.DossierRegisterEntries.Add(new DossierRegisterEntry { DossierId = dossier.Id, DeskId = desk, Year = year, Number = number });
        return number;
    }
}
