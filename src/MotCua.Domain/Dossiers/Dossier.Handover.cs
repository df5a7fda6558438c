using MotCua.Domain.Common;
using static MotCua.Domain.Dossiers.DossierTrigger;

namespace MotCua.Domain.Dossiers;

// Handing the result over (in person or by post, QĐ 45/2016) and correcting the applicant's details.
public sealed partial class Dossier
{
    private Error? HandOver(ReturnResultCommand? command, DossierContext context, SortedDictionary<string, object> fields)
    {
        var now = context.NowUtc;
        var shipped = !string.IsNullOrWhiteSpace(command?.Carrier) || !string.IsNullOrWhiteSpace(command?.TrackingNumber) || command?.SentAtUtc is not null;
        if (ReturnMethod == ResultReturnMethod.AtDesk && shipped)
        {
            return new InvalidResultReturn("người nộp đăng ký nhận kết quả tại Bộ phận một cửa, không gửi qua bưu chính");
        }

        if (ReturnMethod == ResultReturnMethod.Postal)
        {
            // QĐ 45/2016 Art. 9–10: the desk hands the result to the post, which carries it to the registered address;
            // the shipment (carrier, item number, handover time) is the evidence of the return.
            if (string.IsNullOrWhiteSpace(command?.Carrier))
            {
                return new FieldRequired(ReturnResult, new FieldMessage("dossier.label.carrier", "đơn vị bưu chính"));
            }

            if (string.IsNullOrWhiteSpace(command.TrackingNumber))
            {
                return new FieldRequired(ReturnResult, new FieldMessage("dossier.label.tracking_number", "số hiệu bưu gửi"));
            }

            var sentAt = command.SentAtUtc ?? now;
            RequireUtc(sentAt, nameof(command));
            if (sentAt > now)
            {
                return new InvalidResultReturn("thời điểm giao bưu chính sau thời điểm hiện tại");
            }

            if (ProcessingEndedAt is { } ended && sentAt < ended)
            {
                return new InvalidResultReturn("thời điểm giao bưu chính trước khi có kết quả");
            }

            Shipment = new ResultShipment(command.Carrier.Trim(), command.TrackingNumber.Trim(), sentAt, null);
            fields["carrier"] = Shipment.Carrier;
            fields["trackingNumber"] = Shipment.TrackingNumber;
            fields["sentAt"] = sentAt;
        }

        ReturnedAt ??= now;
        fields["returnMethod"] = ReturnMethod.ToString();
        CompleteOpenSteps(now, classify: true);
        return null;
    }

    private Error? Delivered(RecordDeliveryCommand command, DossierContext context, SortedDictionary<string, object> fields)
    {
        if (Shipment is not { DeliveredAt: null } shipment)
        {
            return new InvalidResultReturn(Shipment is null ? "kết quả không gửi qua bưu chính" : "đã ghi nhận phát thành công");
        }

        RequireUtc(command.DeliveredAtUtc, nameof(command));
        if (command.DeliveredAtUtc > context.NowUtc || command.DeliveredAtUtc < shipment.SentAt)
        {
            return new InvalidResultReturn("thời điểm phát phải sau khi giao bưu chính và không sau thời điểm hiện tại");
        }

        Shipment = shipment with { DeliveredAt = command.DeliveredAtUtc };
        fields["deliveredAt"] = command.DeliveredAtUtc;
        return null;
    }

    // The old and new values go into the hash-chained history entry: that is the audit the correction needs (who, when,
    // what was changed). The entry is personal data like the applicant itself: it is read only through the logged
    // dossier read (GET), never through the public lookup.
    private Error? Correct(CorrectApplicantCommand command, SortedDictionary<string, object> fields)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return new FieldRequired(CorrectApplicant, new FieldMessage("dossier.label.correction_reason", "lý do sửa"));
        }

        var corrected = ApplicantRules.Tidy(command.Corrected);
        var problems = ApplicantRules.Problems(corrected);
        if (problems.Count > 0)
        {
            return new InvalidApplicantCorrection(string.Join(" ", problems.Values.Select(p => p.Text)));
        }

        var changes = new SortedDictionary<string, object>(StringComparer.Ordinal);
        void Compare(string field, string? before, string? after)
        {
            if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
            {
                changes[field] = new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["from"] = before, ["to"] = after };
            }
        }

        Compare("fullName", Applicant.FullName, corrected.FullName);
        Compare("identityNumber", Applicant.IdentityNumber, corrected.IdentityNumber);
        Compare("phone", Applicant.Phone, corrected.Phone);
        Compare("email", Applicant.Email, corrected.Email);
        Compare("address", Applicant.Address, corrected.Address);
        if (changes.Count == 0)
        {
            return new InvalidApplicantCorrection("không có thông tin nào thay đổi.");
        }

        Applicant = corrected;
        fields["changes"] = changes;
        fields["reason"] = command.Reason.Trim();
        return null;
    }
}
