using MotCua.Domain.Units;

namespace MotCua.Domain.Catalogue;

/// <summary>Which tier of the catalogue a unit settles as the competent agency.</summary>
/// <remarks>Since 1 July 2025 local government has two tiers (domain.md §0.3): a commune's People's Committee settles
/// the commune-level procedures, the province's People's Committee, its departments and the branches located in the
/// province the province-level ones (ND 118/2025). A ministry settles national procedures, which the seed catalogue does
/// not hold, and a district settles nothing new. The receiving desk is not restricted (domain.md §2.2: the centres
/// receive regardless of administrative boundary).</remarks>
public static class ProcedureLevels
{
    /// <summary>The catalogue tier <paramref name="level"/> settles, or <see langword="null"/> when it settles none.</summary>
    public static ProcedureLevel? SettledBy(UnitLevel level) => level switch
    {
        UnitLevel.Commune => ProcedureLevel.Commune,
        UnitLevel.Province or UnitLevel.ProvincialDepartment or UnitLevel.VerticalBranch => ProcedureLevel.Province,
        _ => null,
    };
}
