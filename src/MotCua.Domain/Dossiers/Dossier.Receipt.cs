using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;

namespace MotCua.Domain.Dossiers;

// Receipt: acceptance of an online or postal dossier, and what every receipt sets (code, appointment, terms).
public sealed partial class Dossier
{
    private Error? AcceptOnline(AcceptCommand command, DossierContext context, SortedDictionary<string, object> fields)
    {
        var receivedAt = context.NowUtc;
        if (command.HandoverSignedAtUtc is { } handover)
        {
            RequireUtc(handover, nameof(command));
            if (Channel != DossierChannel.Postal)
            {
                return new InvalidReceiptTime("chỉ hồ sơ gửi qua bưu chính có biên bản giao nhận");
            }

            if (handover > context.NowUtc)
            {
                return new InvalidReceiptTime("biên bản giao nhận ký sau thời điểm hiện tại");
            }

            if (handover < SubmittedAt)
            {
                return new InvalidReceiptTime("biên bản giao nhận ký trước khi hồ sơ được ghi nhận");
            }

            // QĐ 45/2016/QĐ-TTg Art. 7(4): the legal submission moment is the signing of the handover record.
            receivedAt = handover;
        }

        if (CheckUnitsOperate(context, BusinessDate(receivedAt)) is { } closed)
        {
            return closed;
        }

        var due = PrepareReceipt(command.Code, receivedAt, context);
        if (due.IsFailure)
        {
            return due.Error;
        }

        Receive(command.Code, receivedAt, due.Value, context, fields);
        return null;
    }

    private void Receive(DossierCode code, DateTime receivedAt, DateTime due, DossierContext context, SortedDictionary<string, object> fields)
    {
        var terms = context.Procedure;
        Code = code;
        ReceivedAt = receivedAt;
        ClockStartedAt = receivedAt;
        TimeLimitValue = terms.TimeLimit.Value;
        TimeLimitUnit = terms.TimeLimit.Unit;
        DeadlinePolicy = terms.DeadlinePolicy;
        SupplementPolicy = terms.SupplementPolicy;
        FinancialObligationPausesClock = terms.FinancialObligationPausesClock;
        CalendarVersion = context.CalendarVersion;
        OriginalAppointmentAt = due;
        CurrentAppointmentAt = due;

        // The desk's own slice: the leading desk steps of the internal process (TT 01/2018 Art. 8).
        var deskSlice = terms.InternalSteps.OrderBy(s => s.Order).TakeWhile(s => s.Role == PerformerRole.DeskOfficer).Sum(s => s.Slice);
        OpenStep(ProcessingStepKind.Reception, null, ReceivingUnitId, null, deskSlice, receivedAt, context);

        fields["code"] = code.Format();
        fields["receivedAt"] = receivedAt;
        fields["appointmentAt"] = due;
        fields["deadlinePolicy"] = DeadlinePolicy.ToString();
        fields["supplementPolicy"] = SupplementPolicy.ToString();
        fields["calendarVersion"] = CalendarVersion;
    }
}
