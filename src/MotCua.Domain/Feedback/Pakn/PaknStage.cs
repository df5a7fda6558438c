namespace MotCua.Domain.Feedback.Pakn;

/// <summary>The three groups DVCQG reports PAKN statuses in (domain.md §10.3).</summary>
public enum PaknStage
{
    /// <summary>Chờ tiếp nhận: waiting for reception.</summary>
    WaitingForReception,

    /// <summary>Đang xử lý: being processed.</summary>
    Processing,

    /// <summary>Đã xử lý: processed, which includes refusals, forwards, waiting for a supplement, waiting for
    /// publication and published.</summary>
    Processed,
}
