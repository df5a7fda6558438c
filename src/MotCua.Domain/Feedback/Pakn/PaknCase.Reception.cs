using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using static MotCua.Domain.Feedback.Pakn.PaknContentCategory;

namespace MotCua.Domain.Feedback.Pakn;

// The reception step (ND 20/2008 Art. 9(1)(d)) and supplements. Every handler validates first and mutates only when
// nothing can fail any more, so a returned error leaves the case untouched.
public sealed partial class PaknCase
{
    private static readonly PaknContentCategory[] RegulationContents =
        [UnsuitableToReality, Inconsistent, Illegal, ContraryToTreaties, Other];

    private Error? Refuse(PaknReasonCommand command, DateTime now, out string? detail)
    {
        detail = null;
        if (CheckText(command.Trigger, new FieldMessage("pakn.label.refusal_reason", "lý do không tiếp nhận"), command.Reason, 1, PaknFieldLimits.Reason) is { } invalid)
        {
            return invalid;
        }

        RefusalReason = detail = command.Reason.Trim();
        ClosedAt = now;
        SupplementRequestedFrom = null;
        PendingSupplementRequest = null;
        return null;
    }

    private Error? Forward(ForwardPaknCommand command, DateTime now, out string? detail)
    {
        detail = null;
        var invalid = CheckText(command.Trigger, new FieldMessage("pakn.label.recipient", "cơ quan nhận"), command.RecipientName, 1, PaknFieldLimits.BodyName)
            ?? CheckText(command.Trigger, new FieldMessage("pakn.label.transfer_reason", "lý do chuyển"), command.Reason, 1, PaknFieldLimits.Reason);
        if (invalid is not null)
        {
            return invalid;
        }

        ForwardedToName = command.RecipientName.Trim();
        ForwardedToUnitId = command.RecipientUnitId;
        ClosedAt = now;
        detail = $"{ForwardedToName}: {command.Reason.Trim()}";
        return null;
    }

    private Error? TransferIn(TransferPaknInCommand command, PaknContext context, out string? detail)
    {
        detail = null;
        var at = command.TransferredAtUtc ?? context.NowUtc;
        VietnamTime.RequireUtc(at, nameof(command));
        if (at > context.NowUtc || (ClosedAt is { } forwarded && at < forwarded))
        {
            return new PaknInvalidTime("thời điểm chuyển đến phải sau khi chuyển đi và không ở tương lai");
        }

        if (command.ReceivingUnitId == Guid.Empty)
        {
            return new PaknFieldRequired(command.Trigger, new FieldMessage("pakn.label.receiving_unit", "đơn vị tiếp nhận"));
        }

        var deadlines = PaknDeadlines.Compute(at, context.Schedule, context.Calculator, context.DeadlineOptions);
        if (deadlines.IsFailure)
        {
            return deadlines.Error;
        }

        // domain.md §10.3: the clock counts from the latest transfer, with the settings in force that day.
        ReceivingUnitId = command.ReceivingUnitId ?? ReceivingUnitId;
        HandlingUnitId = ReceivingUnitId;
        TransferredInAt = at;
        ClockStartedAt = at;
        Deadlines = deadlines.Value;
        FirstSupplementRequestedAt = null;
        ClosedAt = null;
        ForwardedToName = null;
        ForwardedToUnitId = null;
        return null;
    }

    private Error? Classify(ClassifyPaknCommand command, DateTime now, out string? detail)
    {
        detail = null;
        var trigger = command.Trigger;
        if (!Enum.IsDefined(command.Classification) || !Enum.IsDefined(command.Kind))
        {
            return new PaknInvalidValue(trigger, new FieldMessage("pakn.label.classification", "phân loại"), UnknownValue);
        }

        if (command.HandlingUnitId == Guid.Empty)
        {
            return new PaknFieldRequired(trigger, new FieldMessage("pakn.label.handling_unit", "đơn vị xử lý"));
        }

        var categories = command.Categories ?? [];
        if (categories.Count == 0)
        {
            return new PaknFieldRequired(trigger, new FieldMessage("pakn.label.categories", "nội dung phản ánh, kiến nghị theo Điều 5 Nghị định 20/2008/NĐ-CP"));
        }

        if ((CheckCategories(trigger, categories) ?? CheckClassification(command.Classification, command.Kind, categories)) is { } invalid)
        {
            return invalid;
        }

        Classification = command.Classification;
        Kind = command.Kind;
        HandlingUnitId = command.HandlingUnitId;
        ClassifiedAt = now;
        SetCategories(categories);
        detail = $"{Classification}; {Kind}; {string.Join(",", _categories.Select(c => (int)c))}; {HandlingUnitId:D}";
        return null;
    }

    private Error? RequestSupplement(PaknReasonCommand command, DateTime now, out string? detail)
    {
        detail = null;
        if (CheckText(command.Trigger, new FieldMessage("pakn.label.supplement_request", "nội dung cần bổ sung"), command.Reason, 1, PaknFieldLimits.Reason) is { } invalid)
        {
            return invalid;
        }

        SupplementRequestedFrom = Status;
        PendingSupplementRequest = detail = command.Reason.Trim();
        FirstSupplementRequestedAt ??= now;
        return null;
    }

    private Error? ProvideSupplement(ProvidePaknSupplementCommand command, out string? detail)
    {
        detail = null;
        if (CheckText(command.Trigger, new FieldMessage("pakn.label.supplement", "nội dung bổ sung"), command.Supplement, 1, PaknFieldLimits.Content) is { } invalid)
        {
            return invalid;
        }

        if (command.CorrectedSubmitter is { } corrected)
        {
            var problems = PaknSubmitterRules.Problems(corrected);
            if (problems.Count > 0)
            {
                return new PaknSubmitterInvalid(problems);
            }

            // The account that submitted stays the submitter's, whatever the contact data.
            Submitter = PaknSubmitterRules.Tidy(corrected) with { AccountId = Submitter.AccountId };
        }

        detail = command.Supplement.Trim();
        SupplementRequestedFrom = null;
        PendingSupplementRequest = null;
        return null;
    }

    private void SetCategories(IEnumerable<PaknContentCategory> categories)
    {
        _categories.Clear();
        _categories.AddRange(categories.Distinct().Order());
    }

    private static PaknCategoriesInvalid? CheckCategories(PaknTrigger trigger, IReadOnlyCollection<PaknContentCategory> categories)
    {
        if (categories.Any(c => !Enum.IsDefined(c)))
        {
            return new PaknCategoriesInvalid($"{trigger}: nội dung phải thuộc các loại 1–8 của Điều 5 Nghị định 20/2008/NĐ-CP");
        }

        // Art. 5(7) proposes solutions for the issues of 5(1)–(6), so it never stands alone.
        return categories.Contains(ProposedSolution) && !categories.Any(c => c < ProposedSolution)
            ? new PaknCategoriesInvalid("đề xuất phương án xử lý (loại 7) phải đi kèm vấn đề được phản ánh (loại 1–6)")
            : null;
    }

    private static PaknCategoriesInvalid? CheckClassification(
        PaknClassification classification, PaknKind kind, IReadOnlyCollection<PaknContentCategory> categories)
    {
        // ND 20/2008 Art. 3(5): a kiến nghị is a phản ánh with a proposed solution, or an initiative.
        var proposes = categories.Contains(ProposedSolution) || categories.Contains(NewRegulationInitiative);
        if (proposes != (kind == PaknKind.Petition))
        {
            return new PaknCategoriesInvalid(proposes
                ? "có đề xuất phương án hoặc sáng kiến (loại 7, 8) nên là kiến nghị"
                : "kiến nghị phải có đề xuất phương án hoặc sáng kiến (loại 7 hoặc 8)");
        }

        // Art. 9(1)(d)(ii)–(iii): conduct is content (1); a regulation case is about (2)–(6) or proposes a new one (8).
        return classification switch
        {
            PaknClassification.StaffConduct when !categories.Contains(StaffConduct) =>
                new PaknCategoriesInvalid("phản ánh về hành vi cán bộ, công chức phải có nội dung loại 1"),
            PaknClassification.Regulation when !categories.Any(c => RegulationContents.Contains(c) || c == NewRegulationInitiative) =>
                new PaknCategoriesInvalid("phản ánh về quy định hành chính phải có nội dung loại 2–6 hoặc 8"),
            _ => null,
        };
    }
}
