using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;

namespace MotCua.Domain.Catalogue;

/// <summary>Which procedures a desk offers in its picker: versions in force that day, of the desk's tier, that may be
/// carried out through the channel of the receipt (ND 63/2010 Art. 8(2)(b): the published channels).</summary>
/// <remarks>The tier rule is a design choice for the picker [design]: a commune service centre receives commune-level
/// procedures, the provincial centre (host: the provincial People's Committee or a department) province-level ones.
/// The engine itself does not refuse other pairs (domain.md §2.2: under ND 118/2025 centres receive regardless of
/// administrative boundary), so an integration may still create them.</remarks>
public static class ProcedureReception
{
    /// <summary>The procedure tier a desk hosted by a unit of <paramref name="unitLevel"/> receives, or
    /// <see langword="null"/> when such a unit hosts no desk that receives procedures from the catalogue.</summary>
    public static ProcedureLevel? LevelReceivedBy(UnitLevel unitLevel) => unitLevel switch
    {
        UnitLevel.Commune => ProcedureLevel.Commune,
        UnitLevel.Province or UnitLevel.ProvincialDepartment => ProcedureLevel.Province,
        _ => null,
    };

    /// <summary>The catalogue channel a receipt through <paramref name="channel"/> needs.</summary>
    public static ProcedureChannels ChannelFor(DossierChannel channel) => channel switch
    {
        DossierChannel.InPerson => ProcedureChannels.InPerson,
        DossierChannel.Online => ProcedureChannels.Online,
        DossierChannel.Postal => ProcedureChannels.Postal,
        _ => ProcedureChannels.None,
    };

    /// <summary>Whether a procedure with <paramref name="channels"/> may be received through <paramref name="channel"/>.</summary>
    public static bool Allows(ProcedureChannels channels, DossierChannel channel)
    {
        var needed = ChannelFor(channel);
        return needed != ProcedureChannels.None && (channels & needed) == needed;
    }
}
