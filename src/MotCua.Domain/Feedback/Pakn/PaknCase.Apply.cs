using System.Globalization;
using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Pakn;

// Dispatches each trigger to its handler (PaknCase.Reception.cs, PaknCase.Handling.cs) and holds the citizen's
// reactions, which are small.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859:Use concrete types when possible for improved performance",
    Justification = "Handlers share one signature; most can return several error types.")]
public sealed partial class PaknCase
{
    /// <summary>Largest like or dislike total accepted (anything above is a synchronisation error).</summary>
    public const int MaxReactions = 10_000_000;

    private Error? Apply(PaknCommand command, PaknContext context, out string? detail)
    {
        detail = null;
        var now = context.NowUtc;
        switch (command.Trigger)
        {
            case PaknTrigger.Refuse:
                return command is PaknReasonCommand refusal ? Refuse(refusal, now, out detail) : Missing(command, nameof(PaknReasonCommand));
            case PaknTrigger.Forward:
                return command is ForwardPaknCommand forward ? Forward(forward, now, out detail) : Missing(command, nameof(ForwardPaknCommand));
            case PaknTrigger.TransferIn:
                return command is TransferPaknInCommand transfer ? TransferIn(transfer, context, out detail) : Missing(command, nameof(TransferPaknInCommand));
            case PaknTrigger.Classify:
                return command is ClassifyPaknCommand classify ? Classify(classify, now, out detail) : Missing(command, nameof(ClassifyPaknCommand));
            case PaknTrigger.RequestSupplement:
                return command is PaknReasonCommand request ? RequestSupplement(request, now, out detail) : Missing(command, nameof(PaknReasonCommand));
            case PaknTrigger.ProvideSupplement:
                return command is ProvidePaknSupplementCommand supplement
                    ? ProvideSupplement(supplement, out detail)
                    : Missing(command, nameof(ProvidePaknSupplementCommand));
            case PaknTrigger.StartHandling:
                return null;
            case PaknTrigger.RecordReview:
                return command is RecordPaknReviewCommand review ? RecordReview(review, out detail) : Missing(command, nameof(RecordPaknReviewCommand));
            case PaknTrigger.DraftAnswer:
                return command is DraftPaknAnswerCommand draft ? DraftAnswer(draft, out detail) : Missing(command, nameof(DraftPaknAnswerCommand));
            case PaknTrigger.Decide:
                return Decide(context, out detail);
            case PaknTrigger.ReturnForRevision:
                return command is PaknReasonCommand revision
                    ? CheckText(revision.Trigger, new FieldMessage("pakn.label.revision", "nội dung cần sửa"), revision.Reason, 1, PaknFieldLimits.Reason) ?? Keep(revision.Reason, out detail)
                    : Missing(command, nameof(PaknReasonCommand));
            case PaknTrigger.SubmitForPublication:
                return command is SubmitPaknForPublicationCommand publication
                    ? SubmitForPublication(publication, context)
                    : Missing(command, nameof(SubmitPaknForPublicationCommand));
            case PaknTrigger.Publish:
                return command is PublishPaknCommand publish ? Publish(publish, now, out detail) : Missing(command, nameof(PublishPaknCommand));
            case PaknTrigger.RecordReactions:
                return command is RecordPaknReactionsCommand reactions ? RecordReactions(reactions, out detail) : Missing(command, nameof(RecordPaknReactionsCommand));
            case PaknTrigger.ReplySatisfied:
                return Reply(command as PaknReasonCommand, satisfied: true, out detail);
            case PaknTrigger.ReplyDissatisfied:
                return command is PaknReasonCommand complaint ? Reply(complaint, satisfied: false, out detail) : Missing(command, nameof(PaknReasonCommand));
            default:
                return new PaknTransitionNotAllowed(Status, command.Trigger);
        }
    }

    private Error? RecordReactions(RecordPaknReactionsCommand command, out string? detail)
    {
        detail = null;
        if (command.Likes is < 0 or > MaxReactions || command.Dislikes is < 0 or > MaxReactions)
        {
            return new PaknInvalidValue(command.Trigger, new FieldMessage("pakn.label.reactions", "số lượt thích, không thích"),
                new FieldMessage("pakn.reason.range", "phải từ 0 đến {0}", MaxReactions));
        }

        Likes = command.Likes;
        Dislikes = command.Dislikes;
        detail = string.Create(CultureInfo.InvariantCulture, $"likes={Likes}; dislikes={Dislikes}");
        return null;
    }

    // The submitter's own reply to the published answer. A dissatisfied one reopens the case (domain.md §10.4) and
    // counts against 766 §5.3 as a repeated PAKN with dissatisfied content.
    private Error? Reply(PaknReasonCommand? command, bool satisfied, out string? detail)
    {
        detail = null;
        var text = command?.Reason;
        var trigger = satisfied ? PaknTrigger.ReplySatisfied : PaknTrigger.ReplyDissatisfied;
        if (CheckText(trigger, new FieldMessage("pakn.label.reply", "ý kiến của người phản ánh, kiến nghị"), text, satisfied ? 0 : 1, PaknFieldLimits.Reason) is { } invalid)
        {
            return invalid;
        }

        SubmitterSatisfied = satisfied;
        SubmitterReply = detail = Trim(text);
        if (!satisfied)
        {
            ReopenCount++;
        }

        return null;
    }

    private static Error? Keep(string text, out string? detail)
    {
        detail = text.Trim();
        return null;
    }

    private static PaknPayloadMissing Missing(PaknCommand command, string expected) => new(command.Trigger, expected);
}
