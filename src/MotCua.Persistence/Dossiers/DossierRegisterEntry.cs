namespace MotCua.Persistence.Dossiers;

/// <summary>A dossier's line in a desk's register book (Form 06): numbered continuously per desk and year.</summary>
public sealed class DossierRegisterEntry
{
    public Guid DossierId { get; set; }

    public Guid DeskId { get; set; }

    public int Year { get; set; }

    public int Number { get; set; }
}
