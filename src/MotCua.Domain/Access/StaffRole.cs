namespace MotCua.Domain.Access;

/// <summary>A role a user can hold; staff roles are scoped to organisational units by <see cref="StaffRoleAssignment"/>.</summary>
/// <remarks>The member names are also the ASP.NET Core Identity role names.</remarks>
public enum StaffRole
{
    /// <summary>Manages units, users, roles, catalogue, calendar and index definitions (quản trị).</summary>
    Administrator,

    /// <summary>Receives dossiers at the one-stop desk and returns results (cán bộ tiếp nhận).</summary>
    DeskOfficer,

    /// <summary>Appraises and verifies dossiers, drafts results (chuyên viên xử lý).</summary>
    HandlingOfficer,

    /// <summary>Assigns, approves and signs; head of the competent agency (lãnh đạo).</summary>
    AgencyHead,

    /// <summary>Runs and appraises the PAR Index year for the Department of Home Affairs (Sở Nội vụ).</summary>
    HomeAffairsAppraiser,

    /// <summary>A citizen or organisation submitting dossiers (người dân, doanh nghiệp); never unit-scoped.</summary>
    Citizen,
}
