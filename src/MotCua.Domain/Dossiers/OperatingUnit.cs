using MotCua.Domain.Units;

namespace MotCua.Domain.Dossiers;

/// <summary>A receiving or competent unit as a receipt needs it: its name and the days it exists.</summary>
/// <param name="Id">The unit's id.</param>
/// <param name="Name">Its full name, for the refusal message.</param>
/// <param name="ValidFrom">First day the unit exists (Vietnam date).</param>
/// <param name="ValidTo">Last day the unit exists; <see langword="null"/> while it still does.</param>
/// <remarks>A unit outside its validity receives nothing (docs/dossier-rules.md, "Units that no longer exist"; the
/// district level ended on 30/06/2025, domain.md §0.3).</remarks>
public sealed record OperatingUnit(Guid Id, string Name, DateOnly ValidFrom, DateOnly? ValidTo)
{
    /// <summary>Whether the unit exists on <paramref name="date"/>.</summary>
    public bool OperatesOn(DateOnly date) => EffectivePeriod.Contains(ValidFrom, ValidTo, date);
}
