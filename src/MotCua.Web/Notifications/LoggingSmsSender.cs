using MotCua.Domain.Common;

namespace MotCua.Web.Notifications;

/// <summary>
/// Stands in for the SMS gateway, which is outside this system (each province contracts its own brand-name SMS
/// provider): records that a message would be sent, its size and segment count, and nothing personal.
/// </summary>
public sealed partial class LoggingSmsSender(ILogger<LoggingSmsSender> logger) : ISmsSender
{
    /// <inheritdoc/>
    public Task<Result<NotificationSent>> SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (segments, encoding) = SmsSegments.Count(message.Text);
        LogRecorded(message.IdempotencyKey, message.Text.Length, segments, encoding);
        return Task.FromResult(Result.Success(new NotificationSent(NotificationChannel.Sms, "log:" + message.IdempotencyKey)));
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "SMS {IdempotencyKey} recorded, not sent (no gateway): {Characters} characters, {Segments} segment(s), {Encoding}")]
    private partial void LogRecorded(string idempotencyKey, int characters, int segments, string encoding);
}
