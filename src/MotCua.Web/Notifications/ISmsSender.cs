using MotCua.Domain.Common;

namespace MotCua.Web.Notifications;

/// <summary>Sends SMS through the provider's gateway, which is outside this system.</summary>
public interface ISmsSender
{
    /// <summary>Hands the message to the gateway; failures are values.</summary>
    Task<Result<NotificationSent>> SendAsync(SmsMessage message, CancellationToken cancellationToken = default);
}
