using MotCua.Domain.Units;

namespace MotCua.Domain.Access;

/// <summary>Grants a user a role on one organisational unit (and optionally its descendants) for a range of dates.</summary>
/// <remarks>Assignments are dated like units, so "who could approve this in March 2025" stays answerable after transfers.</remarks>
public sealed class StaffRoleAssignment
{
    private StaffRoleAssignment(Guid id, Guid userId, StaffRole role, Guid unitId, bool includeDescendants, DateOnly validFrom, DateOnly? validTo)
    {
        Id = id;
        UserId = userId;
        Role = role;
        UnitId = unitId;
        IncludeDescendants = includeDescendants;
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; private set; }

    /// <summary>The user (Identity user id).</summary>
    public Guid UserId { get; private set; }

    /// <summary>The role granted.</summary>
    public StaffRole Role { get; private set; }

    /// <summary>The unit the role applies to.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>Whether the role also applies to every unit below <see cref="UnitId"/> (e.g. a provincial administrator).</summary>
    public bool IncludeDescendants { get; private set; }

    /// <summary>First day the assignment applies.</summary>
    public DateOnly ValidFrom { get; private set; }

    /// <summary>Last day the assignment applies, or <see langword="null"/> while open-ended.</summary>
    public DateOnly? ValidTo { get; private set; }

    /// <summary>Creates an assignment.</summary>
    /// <exception cref="ArgumentException">The dates are out of order, or <paramref name="role"/> is <see cref="StaffRole.Citizen"/>.</exception>
    public static StaffRoleAssignment Create(Guid id, Guid userId, StaffRole role, Guid unitId, bool includeDescendants, DateOnly validFrom, DateOnly? validTo = null)
    {
        if (role == StaffRole.Citizen)
        {
            throw new ArgumentException("Citizens act for themselves and are not assigned to units.", nameof(role));
        }

        EffectivePeriod.EnsureOrdered(validFrom, validTo);
        return new StaffRoleAssignment(id, userId, role, unitId, includeDescendants, validFrom, validTo);
    }

    /// <summary>Whether the assignment applies on <paramref name="date"/>.</summary>
    public bool IsValidOn(DateOnly date) => EffectivePeriod.Contains(ValidFrom, ValidTo, date);

    /// <summary>Ends the assignment on <paramref name="lastDay"/> (transfer, retirement).</summary>
    /// <exception cref="ArgumentException"><paramref name="lastDay"/> is before <see cref="ValidFrom"/>.</exception>
    public void End(DateOnly lastDay)
    {
        EffectivePeriod.EnsureOrdered(ValidFrom, lastDay);
        ValidTo = lastDay;
    }
}
