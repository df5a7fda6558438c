namespace MotCua.Domain.Dossiers;

/// <summary>The apology and new appointment (Form 04, Phiếu xin lỗi và hẹn lại ngày trả kết quả), ND 61/2018 Art. 19(9).</summary>
/// <param name="Reason">Why the dossier will be late.</param>
/// <param name="PreviousAppointmentAt">The appointment that will be missed (UTC).</param>
/// <param name="NewAppointmentAt">The new appointment (UTC).</param>
/// <param name="SignerName">Head of the competent agency (or deputy) who signs.</param>
/// <param name="IssuedAt">When it was issued (UTC).</param>
/// <param name="IssuedLate">Issued later than the rule, recorded when <see cref="ApologyRules.LateApology"/> is
/// <see cref="LateApologyHandling.Warn"/>.</param>
public sealed record Apology(
    string Reason, DateTime PreviousAppointmentAt, DateTime NewAppointmentAt, string SignerName, DateTime IssuedAt, bool IssuedLate);
