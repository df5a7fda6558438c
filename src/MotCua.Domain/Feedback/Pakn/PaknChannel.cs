namespace MotCua.Domain.Feedback.Pakn;

/// <summary>How a PAKN reached the receiving unit (ND 20/2008 Art. 6).</summary>
public enum PaknChannel
{
    /// <summary>Typed by the submitter on the provincial portal (written, electronic; Art. 6).</summary>
    Portal,

    /// <summary>A paper letter handed in at the desk or received by post, typed in by the reception officer.</summary>
    DeskPaper,

    /// <summary>A call to the published hotline, transcribed faithfully by the officer (Art. 6).</summary>
    Phone,

    /// <summary>Imported from another system: the national PAKN system on DVCQG (TT 01/2018 Art. 16(2)(e)) or a
    /// predecessor system.</summary>
    Import,

    /// <summary>An e-mail to the unit's published address (written, electronic; Art. 6).</summary>
    Email,
}
