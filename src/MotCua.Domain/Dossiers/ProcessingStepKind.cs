namespace MotCua.Domain.Dossiers;

/// <summary>What a control-sheet row covers (Form 05, Phiếu kiểm soát quá trình giải quyết hồ sơ).</summary>
public enum ProcessingStepKind
{
    /// <summary>The desk's own time between receipt and handover.</summary>
    Reception,

    /// <summary>The competent agency's time (assignment, appraisal, signature).</summary>
    CompetentAgency,

    /// <summary>One agency of an inter-agency chain, with its own slice (ND 61/2018 Art. 19(6)(a)).</summary>
    InterAgency,

    /// <summary>The result handed back to the desk until it is returned to the applicant.</summary>
    ReturnToDesk,
}
