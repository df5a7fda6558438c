namespace MotCua.Domain.Dossiers;

/// <summary>How a finished dossier or step compares with its deadline (TT 01/2018 Art. 13, Index 1 and 2).</summary>
public enum Timeliness
{
    /// <summary>Trước hạn: finished before the deadline (2 points).</summary>
    Early,

    /// <summary>Đúng hạn: finished at the deadline, at the policy's granularity (1 point).</summary>
    OnTime,

    /// <summary>Quá hạn: finished after the deadline (0 points).</summary>
    Late,
}
