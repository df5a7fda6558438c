using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MotCua.Domain.Common;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Notifications;

namespace MotCua.IntegrationTests.Notifications;

internal static class OutboxFixtures
{
    public static readonly DateTimeOffset Start = new(2026, 2, 20, 1, 0, 0, TimeSpan.Zero);

    public static NotificationMessage Email(string key, string to = "cong.dan@example.vn") =>
        new(NotificationChannel.Email, to, $"Đã tiếp nhận hồ sơ {key}", "Kính gửi: Nguyễn Thị Hằng,\n\nHồ sơ đã được tiếp nhận.", "<p>Hồ sơ đã được tiếp nhận.</p>", key);

    public static INotificationSender Smtp(TestSmtpServer server) =>
        new NotificationSender(
            new SmtpEmailSender(
                Options.Create(new SmtpOptions { Host = TestSmtpServer.Host, Port = server.Port, From = "motcua@tinh.gov.vn", TimeoutSeconds = 30 }),
                NullLogger<SmtpEmailSender>.Instance),
            new LoggingSmsSender(NullLogger<LoggingSmsSender>.Instance));

    public static OutboxProcessor Processor(INotificationSender sender, TimeProvider clock, string node, Action<OutboxOptions>? configure = null)
    {
        var options = new OutboxOptions { NodeId = node };
        configure?.Invoke(options);
        return new OutboxProcessor(sender, clock, Options.Create(options), NullLogger<OutboxProcessor>.Instance);
    }
}

/// <summary>Accepts every message and records its key; yields first so concurrent processors interleave.</summary>
internal sealed class RecordingSender : INotificationSender
{
    private readonly ConcurrentQueue<string> _keys = new();

    public IReadOnlyList<string> Keys => _keys.ToArray();

    public async Task<Result<NotificationSent>> SendAsync(NotificationMessage message, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        _keys.Enqueue(message.IdempotencyKey);
        return new NotificationSent(message.Channel, $"<{message.IdempotencyKey}@test>");
    }
}
