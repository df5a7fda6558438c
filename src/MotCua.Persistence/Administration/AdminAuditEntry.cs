namespace MotCua.Persistence.Administration;

/// <summary>One change made in the administrator area: who, when, what (units, accounts, role assignments, desks).</summary>
/// <remarks>Append-only: database triggers refuse UPDATE and DELETE (migration <c>20261206000100_AdminAudit</c>).
/// <see cref="Detail"/> holds the changed values of units and desks (public data) and, for accounts, only ids, roles and
/// dates: never a person's name, e-mail or password.</remarks>
public sealed class AdminAuditEntry
{
    public Guid Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The administrator who made the change.</summary>
    public Guid ActorUserId { get; set; }

    /// <summary>What was done, e.g. <c>unit.create</c>, <c>user.disable</c>, <c>role.grant</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>The unit, account, assignment or desk changed.</summary>
    public Guid TargetId { get; set; }

    /// <summary>The unit the change was authorised on (the administrator's scope at the time).</summary>
    public Guid UnitId { get; set; }

    /// <summary>The new values as compact JSON, without personal data.</summary>
    public string Detail { get; set; } = "";
}
