namespace MotCua.Domain.Catalogue;

/// <summary>Government tier that handles a procedure; the district tier was abolished on 01/07/2025 (ND 118/2025).</summary>
public enum ProcedureLevel
{
    /// <summary>Province level (cấp tỉnh): provincial People's Committee and its departments.</summary>
    Province,

    /// <summary>Commune level (cấp xã: xã, phường, đặc khu).</summary>
    Commune,
}
