namespace MotCua.Persistence.Dossiers;

/// <summary>The last dossier-code sequence issued by a receiving unit on one Vietnam date (ND 61/2018 Art. 26(2)).</summary>
/// <remarks>Only <see cref="DossierSequences"/> writes it, inside the transaction that inserts the dossier, so a
/// rolled-back receipt leaves no gap.</remarks>
public sealed class DossierCodeCounter
{
    public Guid UnitId { get; set; }

    public DateOnly Date { get; set; }

    public int LastSequence { get; set; }
}
