namespace MotCua.Domain.Catalogue;

/// <summary>Accepted forms of a required document; several may be accepted ("bản chính hoặc bản sao có chứng thực").</summary>
[Flags]
public enum DocumentForms
{
    /// <summary>No form given; never valid.</summary>
    None = 0,

    /// <summary>Original (bản chính).</summary>
    Original = 1,

    /// <summary>Certified copy (bản sao có chứng thực / bản sao từ sổ gốc).</summary>
    CertifiedCopy = 2,

    /// <summary>Plain copy, checked against the original at the desk (bản sao kèm bản chính để đối chiếu).</summary>
    Copy = 4,

    /// <summary>Scan or electronic copy (bản chụp, bản điện tử) for online submission.</summary>
    Scan = 8,
}
