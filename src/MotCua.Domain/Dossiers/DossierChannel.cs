namespace MotCua.Domain.Dossiers;

/// <summary>How the dossier was submitted; the values are the DVCQG <c>KenhThucHien</c> codes (domain.md §3.1).</summary>
public enum DossierChannel
{
    /// <summary>At the counter (trực tiếp).</summary>
    InPerson = 1,

    /// <summary>Online (trực tuyến).</summary>
    Online = 2,

    /// <summary>Public postal service (bưu chính công ích), QĐ 45/2016/QĐ-TTg.</summary>
    Postal = 3,
}
