using MotCua.Domain.Common;

namespace MotCua.Domain.Dossiers;

/// <summary>The trigger is not in the transition table for the current state (<c>dossier.transition_not_allowed</c>).</summary>
public sealed record TransitionNotAllowed(DossierStatus? From, DossierTrigger Trigger)
    : Error("dossier.transition_not_allowed",
        $"Không thể thực hiện {Trigger} khi hồ sơ ở trạng thái {(From is null ? "(chưa có)" : From.ToString())}.");

/// <summary>The actor's role may not fire the trigger (<c>dossier.role_not_allowed</c>).</summary>
public sealed record RoleNotAllowed(DossierActorRole Role, DossierTrigger Trigger)
    : Error("dossier.role_not_allowed", $"Vai trò {Role} không được thực hiện {Trigger}.");

/// <summary>The command does not carry what the trigger needs (<c>dossier.payload_missing</c>).</summary>
public sealed record CommandPayloadMissing(DossierTrigger Trigger, string Expected)
    : Error("dossier.payload_missing", $"Thao tác {Trigger} cần dữ liệu {Expected}.");

/// <summary>A required field is empty (<c>dossier.field_required</c>).</summary>
/// <param name="Trigger">The action.</param>
/// <param name="Field">What is missing, as a noun phrase (no capital).</param>
public sealed record FieldRequired(DossierTrigger Trigger, FieldMessage Field)
    : TranslatableError(new FieldMessage("dossier.field_required", "Thao tác {0}: phải nhập {1}.", Trigger, Field));

/// <summary>A value is out of its valid range (<c>dossier.invalid_value</c>).</summary>
/// <param name="Trigger">The action.</param>
/// <param name="Field">The value, as a noun phrase (no capital).</param>
/// <param name="Reason">Why, as a clause (no capital, no full stop).</param>
public sealed record InvalidValue(DossierTrigger Trigger, FieldMessage Field, FieldMessage Reason)
    : TranslatableError(new FieldMessage("dossier.invalid_value", "Thao tác {0}: {1} không hợp lệ ({2}).", Trigger, Field, Reason));

/// <summary>A dossier code could not be parsed or built (<c>dossier.invalid_code</c>).</summary>
public sealed record InvalidDossierCode(string Text, string Reason)
    : Error("dossier.invalid_code", $"Mã hồ sơ '{Text}' không hợp lệ: {Reason}.");

/// <summary>The code's date is not the reception date (<c>dossier.code_date_mismatch</c>).</summary>
public sealed record DossierCodeDateMismatch(DateOnly CodeDate, DateOnly ReceptionDate)
    : Error("dossier.code_date_mismatch", $"Mã hồ sơ mang ngày {CodeDate:dd/MM/yyyy} nhưng ngày tiếp nhận là {ReceptionDate:dd/MM/yyyy}.");

/// <summary>The receipt moment is impossible: in the future, before submission, or a handover time for a non-postal
/// dossier (<c>dossier.invalid_receipt_time</c>).</summary>
public sealed record InvalidReceiptTime(string Reason)
    : Error("dossier.invalid_receipt_time", $"Thời điểm tiếp nhận không hợp lệ: {Reason}.");

/// <summary>The appointment could not be computed (<c>dossier.deadline_failed</c>).</summary>
public sealed record AppointmentNotComputed(Error Cause)
    : Error("dossier.deadline_failed", $"Không tính được ngày hẹn trả: {Cause.Message}");

/// <summary>The one re-appointment allowed by ND 61/2018 Art. 19(9) has been used (<c>dossier.extension_already_used</c>).</summary>
public sealed record ExtensionAlreadyUsed(DateTime IssuedAtUtc)
    : Error("dossier.extension_already_used", "Hồ sơ đã được hẹn lại một lần; không được hẹn lại lần thứ hai (Điều 19 khoản 9 NĐ 61/2018).");

/// <summary>The apology is issued later than the rule allows (<c>dossier.apology_too_late</c>).</summary>
public sealed record ApologyTooLate(DateOnly DueDate, DateOnly LatestDate)
    : Error("dossier.apology_too_late",
        $"Phiếu xin lỗi phải gửi chậm nhất ngày {LatestDate:dd/MM/yyyy} (hạn trả {DueDate:dd/MM/yyyy}).");

/// <summary>The new appointment is not later than the current one (<c>dossier.new_appointment_not_later</c>).</summary>
public sealed record NewAppointmentNotLater(DateTime CurrentUtc, DateTime ProposedUtc)
    : Error("dossier.new_appointment_not_later", "Ngày hẹn trả mới phải sau ngày hẹn trả hiện tại.");

/// <summary>The new appointment lies beyond <see cref="DossierTimeLimits.MaxApologyExtension"/> after the current one
/// (<c>dossier.new_appointment_too_far</c>).</summary>
public sealed record NewAppointmentTooFar(DateTime CurrentUtc, DateTime ProposedUtc)
    : Error("dossier.new_appointment_too_far", $"Ngày hẹn trả mới không được quá {DossierTimeLimits.MaxApologyExtension.TotalDays:0} ngày sau ngày hẹn trả hiện tại.");

/// <summary>No open consultation with that agency (<c>dossier.consultation_not_found</c>).</summary>
public sealed record ConsultationNotFound(string AgencyName)
    : Error("dossier.consultation_not_found", $"Không có yêu cầu lấy ý kiến đang chờ trả lời của {AgencyName}.");

/// <summary>No inter-agency step for the agency can be completed now (<c>dossier.inter_agency_step_not_found</c>).</summary>
public sealed record InterAgencyStepNotFound(string? AgencyName)
    : Error("dossier.inter_agency_step_not_found", $"Không có bước liên thông đang xử lý của {AgencyName ?? "(cơ quan hiện tại)"}.");

/// <summary>The chain has unfinished steps (<c>dossier.inter_agency_steps_open</c>).</summary>
public sealed record InterAgencyStepsOpen(int OpenSteps)
    : Error("dossier.inter_agency_steps_open", $"Còn {OpenSteps} bước liên thông chưa hoàn thành.");

/// <summary>No agency to send the dossier to (<c>dossier.inter_agency_chain_empty</c>).</summary>
public sealed record InterAgencyChainEmpty()
    : Error("dossier.inter_agency_chain_empty", "Thủ tục không có cơ quan liên thông và yêu cầu không nêu cơ quan nào.");

/// <summary>The procedure's terms name an unknown policy (<c>dossier.unknown_policy</c>).</summary>
public sealed record UnknownPolicy(string Kind, string Name)
    : Error("dossier.unknown_policy", $"Chính sách {Kind} '{Name}' không được hỗ trợ.");

/// <summary>The receiving or competent unit does not exist on the day of receipt (<c>dossier.unit_not_in_operation</c>):
/// a district closed on 30/06/2025 receives nothing after it (docs/dossier-rules.md).</summary>
public sealed record UnitNotInOperation(string UnitName, DateOnly ValidFrom, DateOnly? ValidTo, DateOnly Date)
    : Error("dossier.unit_not_in_operation", ValidTo is { } last && Date > last
        ? $"{UnitName} đã chấm dứt hoạt động từ sau ngày {last:dd/MM/yyyy}, không tiếp nhận hồ sơ ngày {Date:dd/MM/yyyy}. Vui lòng nộp hồ sơ tại đơn vị kế thừa."
        : $"{UnitName} bắt đầu hoạt động từ ngày {ValidFrom:dd/MM/yyyy}, chưa tiếp nhận hồ sơ ngày {Date:dd/MM/yyyy}.");

/// <summary>The desk already asked for completion once (<c>dossier.desk_supplement_already_requested</c>): ND 61/2018
/// Art. 17(2)(a) wants one complete request before acceptance.</summary>
public sealed record DeskSupplementAlreadyRequested(DateTime RequestedAtUtc)
    : Error("dossier.desk_supplement_already_requested",
        "Bộ phận một cửa đã yêu cầu bổ sung, hoàn thiện hồ sơ một lần; chỉ được yêu cầu một lần, đầy đủ (Điều 17 khoản 2 điểm a NĐ 61/2018). Hãy tiếp nhận hoặc từ chối hồ sơ.");

/// <summary>The counter checklist does not fit the procedure's required documents (<c>dossier.invalid_checklist</c>).</summary>
public sealed record InvalidChecklist(string Reason)
    : Error("dossier.invalid_checklist", $"Danh mục giấy tờ tiếp nhận không hợp lệ: {Reason}.");

/// <summary>The result's return does not match the method chosen at receipt, or its shipment data is impossible
/// (<c>dossier.invalid_return</c>).</summary>
public sealed record InvalidResultReturn(string Reason)
    : Error("dossier.invalid_return", $"Trả kết quả không hợp lệ: {Reason}.");

/// <summary>An applicant correction changes nothing or breaks a format rule (<c>dossier.invalid_applicant_correction</c>).</summary>
public sealed record InvalidApplicantCorrection(string Reason)
    : Error("dossier.invalid_applicant_correction", $"Không sửa được thông tin người nộp: {Reason}");
