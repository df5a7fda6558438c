namespace MotCua.Domain.Dossiers;

/// <summary>Who fires a trigger, as far as the workflow table is concerned.</summary>
/// <remarks>Deliberately separate from the staff roles of access control (<c>Access/StaffRole</c>): the web layer
/// maps an authenticated user to one of these; unit scoping is checked there, not here.</remarks>
public enum DossierActorRole
{
    /// <summary>The applicant (chủ hồ sơ) or the authorised person.</summary>
    Citizen,

    /// <summary>Desk officer of the one-stop desk (cán bộ tiếp nhận).</summary>
    DeskOfficer,

    /// <summary>Handling officer of the competent agency (chuyên viên xử lý).</summary>
    HandlingOfficer,

    /// <summary>Head of the competent agency or the authorised deputy (lãnh đạo).</summary>
    AgencyHead,

    /// <summary>An integration acting without a person: DVCQG, the payment gateway, the postal operator, a job.</summary>
    System,
}
