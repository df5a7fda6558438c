using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Pakn;

/// <summary>The trigger is not in the transition table for the current state (<c>pakn.transition_not_allowed</c>).</summary>
public sealed record PaknTransitionNotAllowed(PaknStatus? From, PaknTrigger Trigger)
    : Error("pakn.transition_not_allowed",
        $"Không thể thực hiện {Trigger} khi phản ánh, kiến nghị ở trạng thái {(From is null ? "(chưa có)" : From.ToString())}.");

/// <summary>The actor's role may not fire the trigger (<c>pakn.role_not_allowed</c>).</summary>
public sealed record PaknRoleNotAllowed(PaknActorRole Role, PaknTrigger Trigger)
    : Error("pakn.role_not_allowed", $"Vai trò {Role} không được thực hiện {Trigger} đối với phản ánh, kiến nghị.");

/// <summary>The command does not carry what the trigger needs (<c>pakn.payload_missing</c>).</summary>
public sealed record PaknPayloadMissing(PaknTrigger Trigger, string Expected)
    : Error("pakn.payload_missing", $"Thao tác {Trigger} cần dữ liệu {Expected}.");

/// <summary>A required field is empty (<c>pakn.field_required</c>).</summary>
/// <param name="Trigger">The action.</param>
/// <param name="Field">What is missing, as a noun phrase (no capital).</param>
public sealed record PaknFieldRequired(PaknTrigger Trigger, FieldMessage Field)
    : TranslatableError(new FieldMessage("pakn.field_required", "Thao tác {0}: phải nhập {1}.", Trigger, Field));

/// <summary>A value is out of its valid range (<c>pakn.invalid_value</c>).</summary>
/// <param name="Trigger">The action.</param>
/// <param name="Field">The value, as a noun phrase (no capital).</param>
/// <param name="Reason">Why, as a clause (no capital, no full stop).</param>
public sealed record PaknInvalidValue(PaknTrigger Trigger, FieldMessage Field, FieldMessage Reason)
    : TranslatableError(new FieldMessage("pakn.invalid_value", "Thao tác {0}: {1} không hợp lệ ({2}).", Trigger, Field, Reason));

/// <summary>The submitter's data miss or break an ND 20/2008 Art. 7 requirement (<c>pakn.submitter_invalid</c>).</summary>
/// <param name="Problems">The problems by field (<c>fullName</c>, <c>address</c>, <c>phone</c>, <c>email</c>).</param>
public sealed record PaknSubmitterInvalid(IReadOnlyDictionary<string, FieldMessage> Problems)
    : Error("pakn.submitter_invalid", "Thông tin người phản ánh, kiến nghị chưa hợp lệ: " + string.Join(" ", Problems.Values.Select(p => p.Text)));

/// <summary>A tracking code could not be parsed or built (<c>pakn.invalid_tracking_code</c>).</summary>
public sealed record InvalidPaknTrackingCode(string Text, string Reason)
    : Error("pakn.invalid_tracking_code", $"Mã phản ánh, kiến nghị '{Text}' không hợp lệ: {Reason}.");

/// <summary>The tracking code's year is not the submission year (<c>pakn.tracking_code_year_mismatch</c>).</summary>
public sealed record PaknTrackingCodeYearMismatch(int CodeYear, int SubmissionYear)
    : Error("pakn.tracking_code_year_mismatch", $"Mã phản ánh, kiến nghị mang năm {CodeYear} nhưng năm tiếp nhận là {SubmissionYear}.");

/// <summary>A given moment is impossible: in the future, or before an earlier step (<c>pakn.invalid_time</c>).</summary>
public sealed record PaknInvalidTime(string Reason)
    : Error("pakn.invalid_time", $"Thời điểm không hợp lệ: {Reason}.");

/// <summary>The deadline settings cannot be used (<c>pakn.invalid_deadline_settings</c>).</summary>
public sealed record InvalidPaknDeadlineSettings(string Reason)
    : Error("pakn.invalid_deadline_settings", $"Cấu hình thời hạn xử lý phản ánh, kiến nghị không hợp lệ: {Reason}.");

/// <summary>No settings version is in force on the clock-start date (<c>pakn.no_deadline_settings</c>).</summary>
public sealed record PaknDeadlineSettingsMissing(DateOnly Date)
    : Error("pakn.no_deadline_settings", $"Chưa có cấu hình thời hạn xử lý phản ánh, kiến nghị áp dụng cho ngày {Date:dd/MM/yyyy}.");

/// <summary>A deadline could not be computed on the unit's calendar (<c>pakn.deadline_failed</c>).</summary>
public sealed record PaknDeadlineNotComputed(Error Cause)
    : Error("pakn.deadline_failed", $"Không tính được thời hạn xử lý phản ánh, kiến nghị: {Cause.Message}");

/// <summary>The kind, classification and Art. 5 contents do not fit together (<c>pakn.invalid_categories</c>).</summary>
public sealed record PaknCategoriesInvalid(string Reason)
    : Error("pakn.invalid_categories", $"Phân loại phản ánh, kiến nghị không hợp lệ: {Reason}.");

/// <summary>A refusal after the case was accepted for handling (<c>pakn.refusal_after_acceptance</c>): refusal is the
/// reception step's outcome (ND 20/2008 Art. 9(1)(d)(i)); once classified, a case ends with a decision.</summary>
public sealed record PaknRefusalAfterAcceptance()
    : Error("pakn.refusal_after_acceptance",
        "Phản ánh, kiến nghị đã được phân loại để xử lý; không thể từ chối tiếp nhận (Điều 9 khoản 1 điểm d Nghị định 20/2008/NĐ-CP).");

/// <summary>A six-criteria review on a conduct case (<c>pakn.review_not_applicable</c>).</summary>
public sealed record PaknReviewNotApplicable()
    : Error("pakn.review_not_applicable",
        "Chỉ rà soát theo 6 tiêu chí đối với phản ánh, kiến nghị về quy định hành chính (Điều 14 khoản 2 Nghị định 20/2008/NĐ-CP).");

/// <summary>A decision that changes a regulation needs the whole review (<c>pakn.review_incomplete</c>).</summary>
public sealed record PaknReviewIncomplete(IReadOnlyList<PaknReviewCriterion> Missing)
    : Error("pakn.review_incomplete",
        $"Chưa rà soát đủ 6 tiêu chí (Điều 14 khoản 2 điểm c Nghị định 20/2008/NĐ-CP); còn thiếu: {string.Join(", ", Missing)}.");

/// <summary>The decision form does not fit the classification (<c>pakn.decision_form_not_allowed</c>).</summary>
public sealed record PaknDecisionFormNotAllowed(PaknClassification Classification, PaknDecisionForm Form)
    : Error("pakn.decision_form_not_allowed", Classification == PaknClassification.StaffConduct
        ? "Phản ánh về hành vi của cán bộ, công chức được xử lý theo quy định tương ứng (Điều 14 khoản 1 Nghị định 20/2008/NĐ-CP)."
        : $"Hình thức {Form} không dùng cho phản ánh, kiến nghị về quy định hành chính (Điều 15 Nghị định 20/2008/NĐ-CP).");

/// <summary>No answer has been drafted (<c>pakn.answer_missing</c>).</summary>
public sealed record PaknAnswerMissing()
    : Error("pakn.answer_missing", "Chưa có dự thảo trả lời và hình thức xử lý để quyết định.");

/// <summary>The case had not been received at the instant asked about (<c>pakn.not_received_by</c>).</summary>
public sealed record PaknNotReceivedBy(DateTime AsOfUtc)
    : Error("pakn.not_received_by", "Phản ánh, kiến nghị chưa được tiếp nhận tại thời điểm này.");
