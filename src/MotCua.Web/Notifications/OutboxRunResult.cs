namespace MotCua.Web.Notifications;

/// <summary>What one <see cref="OutboxProcessor.ProcessAsync"/> run did.</summary>
/// <param name="Claimed">Rows claimed.</param>
/// <param name="Sent">Rows the transport accepted and that are now marked sent.</param>
/// <param name="Retrying">Rows that failed transiently and wait for their back-off.</param>
/// <param name="DeadLettered">Rows given up on (permanent failure or too many attempts).</param>
/// <param name="Released">Rows released unsent because too little of the lease was left.</param>
public sealed record OutboxRunResult(int Claimed, int Sent, int Retrying, int DeadLettered, int Released)
{
    /// <summary>Nothing was due.</summary>
    public static readonly OutboxRunResult Empty = new(0, 0, 0, 0, 0);

    internal OutboxRunResult Add(OutboxRunResult other) => new(
        Claimed + other.Claimed, Sent + other.Sent, Retrying + other.Retrying, DeadLettered + other.DeadLettered, Released + other.Released);
}
