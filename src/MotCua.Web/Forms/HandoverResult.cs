namespace MotCua.Web.Forms;

/// <summary>The result column of Form 05: how a step ended against its own deadline.</summary>
public enum HandoverResult
{
    /// <summary>Trước hạn.</summary>
    Early,

    /// <summary>Đúng hạn.</summary>
    OnTime,

    /// <summary>Quá hạn.</summary>
    Late,
}
