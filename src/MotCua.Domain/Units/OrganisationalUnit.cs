namespace MotCua.Domain.Units;

/// <summary>A state agency or administrative unit (đơn vị, cơ quan), valid for a range of dates.</summary>
/// <remarks>
/// Units are versioned data (domain.md §0.3, §2.1): a merged or abolished unit keeps its rows with a
/// <see cref="ValidTo"/> date and a <see cref="SuccessorUnitId"/>, so dossiers received before the change still
/// resolve to the unit that received them.
/// </remarks>
public sealed class OrganisationalUnit
{
    /// <summary>Last day on which district-level units (cấp huyện) existed; two-tier local government began on 1 July 2025.</summary>
    public static readonly DateOnly LastDayOfDistricts = new(2025, 6, 30);

    private OrganisationalUnit(Guid id, string name, string? shortName, UnitLevel level, string identifierCode, Guid? parentId, DateOnly validFrom, DateOnly? validTo)
    {
        Id = id;
        Name = name;
        ShortName = shortName;
        Level = level;
        IdentifierCode = identifierCode;
        ParentId = parentId;
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; private set; }

    /// <summary>Full Vietnamese name, e.g. "Sở Tư pháp tỉnh Sơn La".</summary>
    public string Name { get; private set; }

    /// <summary>Short display name, e.g. "Sở Tư pháp".</summary>
    public string? ShortName { get; private set; }

    /// <summary>Tier of the unit.</summary>
    public UnitLevel Level { get; private set; }

    /// <summary>Identifier code (mã định danh) in canonical form; unique. See <see cref="UnitIdentifierCode"/>.</summary>
    public string IdentifierCode { get; private set; }

    /// <summary>Parent unit (the province for a department or commune), or <see langword="null"/> at the top.</summary>
    public Guid? ParentId { get; private set; }

    /// <summary>First day the unit exists.</summary>
    public DateOnly ValidFrom { get; private set; }

    /// <summary>Last day the unit exists, or <see langword="null"/> while it still exists.</summary>
    public DateOnly? ValidTo { get; private set; }

    /// <summary>The unit that took over this unit's work after it ceased (2025 mergers), if any.</summary>
    public Guid? SuccessorUnitId { get; private set; }

    /// <summary>Creates a unit.</summary>
    /// <exception cref="FormatException"><paramref name="identifierCode"/> is malformed.</exception>
    /// <exception cref="ArgumentException">The dates are out of order, or a district outlives 30 June 2025.</exception>
    public static OrganisationalUnit Create(Guid id, string name, string? shortName, UnitLevel level, string identifierCode, Guid? parentId, DateOnly validFrom, DateOnly? validTo = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var code = UnitIdentifierCode.Parse(identifierCode);
        EffectivePeriod.EnsureOrdered(validFrom, validTo);
        EnsureDistrictIsHistorical(level, validTo);
        return new OrganisationalUnit(id, name.Trim(), string.IsNullOrWhiteSpace(shortName) ? null : shortName.Trim(), level, code.Value, parentId, validFrom, validTo);
    }

    /// <summary>Whether the unit exists on <paramref name="date"/> (Vietnam civil date).</summary>
    public bool IsValidOn(DateOnly date) => EffectivePeriod.Contains(ValidFrom, ValidTo, date);

    /// <summary>Ends the unit on <paramref name="lastDay"/> and names the unit that takes over its work.</summary>
    /// <exception cref="ArgumentException"><paramref name="lastDay"/> is before <see cref="ValidFrom"/>, or the unit would succeed itself.</exception>
    public void Close(DateOnly lastDay, Guid? successorUnitId)
    {
        EffectivePeriod.EnsureOrdered(ValidFrom, lastDay);
        if (successorUnitId == Id)
        {
            throw new ArgumentException("A unit cannot be its own successor.", nameof(successorUnitId));
        }

        ValidTo = lastDay;
        SuccessorUnitId = successorUnitId;
    }

    private static void EnsureDistrictIsHistorical(UnitLevel level, DateOnly? validTo)
    {
        // Two-tier local government from 1 July 2025 (domain.md §0.3): districts exist only as history.
        if (level == UnitLevel.District && (validTo is null || validTo.Value > LastDayOfDistricts))
        {
            throw new ArgumentException($"A district unit must end on or before {LastDayOfDistricts:yyyy-MM-dd}.", nameof(validTo));
        }
    }
}
