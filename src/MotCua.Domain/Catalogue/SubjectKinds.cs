namespace MotCua.Domain.Catalogue;

/// <summary>Who may carry out a procedure (đối tượng thực hiện), ND 63/2010 Art. 8(2)(e).</summary>
[Flags]
public enum SubjectKinds
{
    /// <summary>Nobody; never valid.</summary>
    None = 0,

    /// <summary>Vietnamese individuals (cá nhân).</summary>
    Individual = 1,

    /// <summary>Organisations other than enterprises (tổ chức).</summary>
    Organisation = 2,

    /// <summary>Enterprises and cooperatives (doanh nghiệp, hợp tác xã).</summary>
    Enterprise = 4,

    /// <summary>Foreign individuals or organisations (người nước ngoài, tổ chức nước ngoài).</summary>
    Foreign = 8,
}
