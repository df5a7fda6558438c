namespace MotCua.Domain.Catalogue;

/// <summary>Who performs a step of the internal process (quy trình nội bộ), TT 01/2018 Art. 8.</summary>
public enum PerformerRole
{
    /// <summary>Desk officer who receives the dossier and returns the result (cán bộ tiếp nhận).</summary>
    DeskOfficer,

    /// <summary>Handling officer who appraises the dossier (chuyên viên, công chức xử lý).</summary>
    HandlingOfficer,

    /// <summary>Head of the competent agency, or the deputy authorised to sign (lãnh đạo).</summary>
    AgencyHead,

    /// <summary>Clerk who numbers, seals and dispatches the result (văn thư).</summary>
    Clerk,

    /// <summary>Another agency in an inter-agency chain (cơ quan liên thông); its name is on the step.</summary>
    OtherAgency,
}
