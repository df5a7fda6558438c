using MotCua.Domain.Common;
using static MotCua.Domain.Feedback.Pakn.PaknDecisionForm;

namespace MotCua.Domain.Feedback.Pakn;

// Handling (ND 20/2008 Art. 14), decision (Art. 15) and publication (Art. 19).
public sealed partial class PaknCase
{
    /// <summary>The decision forms that change a regulation or propose one: they need the whole review
    /// (Art. 14(2)(c) comes before (d)).</summary>
    private static readonly PaknDecisionForm[] ChangingForms = [AmendWithinAuthority, RecommendToCompetentBody, IssueOrRecommendNewRegulation];

    private static readonly FieldMessage ReviewLabel = new FieldMessage("pakn.label.review", "kết quả rà soát");

    private Error? RecordReview(RecordPaknReviewCommand command, out string? detail)
    {
        detail = null;
        var trigger = command.Trigger;
        var items = command.Items ?? [];
        if (items.Count == 0)
        {
            return new PaknFieldRequired(trigger, new FieldMessage("pakn.label.review_one", "kết quả rà soát ít nhất một tiêu chí"));
        }

        if (items.Select(i => i?.Criterion).Distinct().Count() != items.Count)
        {
            return new PaknInvalidValue(trigger, ReviewLabel, new FieldMessage("pakn.reason.criterion_twice", "một tiêu chí được nêu hai lần"));
        }

        foreach (var item in items)
        {
            if (item is null || !Enum.IsDefined(item.Criterion) || !Enum.IsDefined(item.Verdict))
            {
                return new PaknInvalidValue(trigger, ReviewLabel, new FieldMessage("pakn.reason.unknown_criterion", "tiêu chí hoặc kết luận không tồn tại"));
            }

            var min = item.Verdict == PaknReviewVerdict.NotMet ? 1 : 0;
            if (CheckText(trigger, new FieldMessage("pakn.label.criterion_note", "nhận xét tiêu chí {0}", item.Criterion), item.Note, min, PaknFieldLimits.ReviewNote) is { } invalid)
            {
                return invalid;
            }
        }

        foreach (var item in items)
        {
            _review.RemoveAll(r => r.Criterion == item.Criterion);
            _review.Add(item with { Note = Trim(item.Note) });
        }

        _review.Sort((a, b) => a.Criterion.CompareTo(b.Criterion));
        detail = string.Join("; ", items.OrderBy(i => i.Criterion).Select(i => $"{i.Criterion}={i.Verdict}"));
        return null;
    }

    private Error? DraftAnswer(DraftPaknAnswerCommand command, out string? detail)
    {
        detail = null;
        if (CheckText(command.Trigger, new FieldMessage("pakn.label.answer", "nội dung trả lời"), command.Answer, PaknFieldLimits.MinAnswer, PaknFieldLimits.Answer) is { } invalid)
        {
            return invalid;
        }

        if (!Enum.IsDefined(command.Form))
        {
            return new PaknInvalidValue(command.Trigger, new FieldMessage("pakn.label.decision_form", "hình thức xử lý"), UnknownValue);
        }

        if (CheckFormFits(command.Form) is { } misfit)
        {
            return misfit;
        }

        AnswerText = command.Answer.Trim();
        DecisionForm = command.Form;
        detail = command.Form.ToString();
        return null;
    }

    private Error? Decide(PaknContext context, out string? detail)
    {
        detail = null;
        var form = DecisionForm!.Value;
        if (CheckFormFits(form) is { } misfit)
        {
            return misfit;
        }

        if (Classification == PaknClassification.Regulation && ChangingForms.Contains(form))
        {
            var missing = PaknReview.Criteria.Where(c => !_review.Exists(r => r.Criterion == c)).ToList();
            if (missing.Count > 0)
            {
                return new PaknReviewIncomplete(missing);
            }
        }

        DecidedAt = context.NowUtc;
        DecidedById = context.Actor.Id;
        detail = form.ToString();
        return null;
    }

    private Error? SubmitForPublication(SubmitPaknForPublicationCommand command, PaknContext context)
    {
        var text = command.PublicAnswer ?? AnswerText;
        if (CheckText(command.Trigger, new FieldMessage("pakn.label.public_answer", "nội dung công khai"), text, PaknFieldLimits.MinAnswer, PaknFieldLimits.Answer) is { } invalid)
        {
            return invalid;
        }

        var due = PaknDeadlines.PublicationDue(context.NowUtc, Deadlines.Settings, context.Calculator, context.DeadlineOptions);
        if (due.IsFailure)
        {
            return due.Error;
        }

        PublishedAnswer = PaknRedaction.Redact(text!.Trim(), Submitter);
        PublicationDueAt = due.Value;
        HandlingCompletedAt ??= context.NowUtc;
        return null;
    }

    private Error? Publish(PublishPaknCommand command, DateTime now, out string? detail)
    {
        detail = null;
        var channels = command.Channels is { Count: > 0 } given ? given : [PaknPublicationChannel.Portal];
        if (channels.Any(c => !Enum.IsDefined(c)))
        {
            return new PaknInvalidValue(command.Trigger, new FieldMessage("pakn.label.publication_channels", "hình thức công khai"), UnknownValue);
        }

        _publicationChannels.Clear();
        _publicationChannels.AddRange(channels.Distinct().Order());
        PublishedAt = now;
        detail = string.Join(", ", _publicationChannels);
        return null;
    }

    // ND 20/2008 Art. 14(1): conduct is handled under its own procedures; the Art. 15 forms are for regulations.
    private PaknDecisionFormNotAllowed? CheckFormFits(PaknDecisionForm form)
    {
        var classification = Classification ?? PaknClassification.Regulation;
        var fits = classification == PaknClassification.StaffConduct ? form == HandledUnderApplicableProcedure : form != HandledUnderApplicableProcedure;
        return fits ? null : new PaknDecisionFormNotAllowed(classification, form);
    }
}
