namespace MotCua.Domain.Catalogue;

/// <summary>How a procedure may be carried out (cách thức thực hiện), ND 63/2010 Art. 8(2)(b).</summary>
[Flags]
public enum ProcedureChannels
{
    /// <summary>No channel; never valid for a published procedure.</summary>
    None = 0,

    /// <summary>In person at the one-stop desk (trực tiếp; DVCQG channel 1).</summary>
    InPerson = 1,

    /// <summary>Online (trực tuyến; DVCQG channel 2).</summary>
    Online = 2,

    /// <summary>Public postal service (bưu chính công ích; DVCQG channel 3), QĐ 45/2016/QĐ-TTg.</summary>
    Postal = 4,
}
