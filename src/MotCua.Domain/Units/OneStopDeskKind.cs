namespace MotCua.Domain.Units;

/// <summary>The kind of one-stop desk (Bộ phận Một cửa).</summary>
public enum OneStopDeskKind
{
    /// <summary>Provincial public administrative service centre (Trung tâm Phục vụ hành chính công cấp tỉnh), ND 118/2025.</summary>
    ProvincialServiceCentre,

    /// <summary>Commune public administrative service centre (Trung tâm Phục vụ hành chính công cấp xã), ND 118/2025.</summary>
    CommuneServiceCentre,

    /// <summary>Ministry-level receiving and result-returning desk (BPTN&amp;TKQ cấp bộ).</summary>
    MinistryReceptionDesk,

    /// <summary>District receiving and result-returning desk (BPTN&amp;TKQ cấp huyện): historical, before 1 July 2025.</summary>
    DistrictReceptionDesk,

    /// <summary>Commune receiving and result-returning desk (BPTN&amp;TKQ cấp xã): historical, before 1 July 2025.</summary>
    CommuneReceptionDesk,
}
