namespace MotCua.Web.Forms;

/// <summary>One hand-over in Form 05: the dossier passes from one agency (or desk) to the next.</summary>
/// <param name="FromAgency">"Giao": who hands the dossier over, e.g. "Bộ phận TN&amp;TKQ".</param>
/// <param name="ToAgency">"Nhận": who receives it.</param>
/// <param name="HandedOverAtUtc">When it changed hands.</param>
/// <param name="DelivererName">"Người giao".</param>
/// <param name="ReceiverName">"Người nhận".</param>
/// <param name="Result">How the handing-over step ended against its deadline; null while it is not classified.</param>
/// <param name="Note">"Ghi chú", e.g. the reason for lateness.</param>
public sealed record ControlSheetRow(
    string FromAgency,
    string ToAgency,
    DateTime HandedOverAtUtc,
    string DelivererName,
    string ReceiverName,
    HandoverResult? Result,
    string? Note);
