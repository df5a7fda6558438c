namespace MotCua.Domain.Catalogue;

/// <summary>A fee or charge (phí, lệ phí), ND 63/2010 Art. 8(2)(i).</summary>
/// <param name="Name">Vietnamese name, e.g. "Lệ phí chứng thực chữ ký".</param>
/// <param name="AmountVnd">Amount in Vietnamese đồng; 0 for an exemption that is worth stating.</param>
/// <param name="Note">Unit of charge, exemptions, caps (e.g. "từ trang thứ 3 trở lên: 1.000 đồng/trang").</param>
public sealed record Fee(string Name, long AmountVnd, string? Note);
