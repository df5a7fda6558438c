using MotCua.Domain.Common;

namespace MotCua.Web.Notifications;

/// <summary>What the outbox processor calls for each pending row.</summary>
public interface INotificationSender
{
    /// <summary>
    /// Validates the message and sends it through its channel. Delivery is at-least-once: the same message may be
    /// sent again after a crash, always with the same idempotency key (see README.md).
    /// </summary>
    /// <returns>The transport's identifier, or a <see cref="NotificationError"/> saying whether to retry.</returns>
    Task<Result<NotificationSent>> SendAsync(NotificationMessage message, CancellationToken cancellationToken = default);
}
