namespace MotCua.Domain.Dossiers;

/// <summary>How the applicant chose at receipt to get the result: at the desk, or at home by public postal service
/// (QĐ 45/2016/QĐ-TTg Art. 4, 9; Form 01's "Đăng ký nhận kết quả tại").</summary>
public enum ResultReturnMethod
{
    /// <summary>In person at the one-stop desk.</summary>
    AtDesk,

    /// <summary>By public postal service to the address given at receipt.</summary>
    Postal,
}

/// <summary>The shipment that carries a result by post (QĐ 45/2016 Art. 9–10): who carries it, its tracking number,
/// when the desk handed it to the post and, once known, when it was delivered to the applicant.</summary>
/// <param name="Carrier">The postal enterprise, e.g. "Bưu điện tỉnh Sơn La (VNPost)".</param>
/// <param name="TrackingNumber">The postal item number.</param>
/// <param name="SentAt">When the desk handed the result to the post (UTC).</param>
/// <param name="DeliveredAt">When the post delivered it to the applicant (UTC), once recorded.</param>
public sealed record ResultShipment(string Carrier, string TrackingNumber, DateTime SentAt, DateTime? DeliveredAt);
