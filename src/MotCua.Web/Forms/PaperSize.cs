namespace MotCua.Web.Forms;

/// <summary>Paper of the legal forms (TT 01/2018/TT-VPCP Art. 9(2)).</summary>
public enum PaperSize
{
    /// <summary>A5 portrait, 148 × 210 mm: Forms 01–05.</summary>
    A5Portrait,

    /// <summary>A4 landscape, 297 × 210 mm: the register book, Form 06.</summary>
    A4Landscape,
}
