using System.Net.Mail;
using MotCua.Domain.Common;

namespace MotCua.Web.Notifications;

/// <summary>An expected failure to send a notification.</summary>
/// <param name="Code">A stable machine-readable code.</param>
/// <param name="Message">A Vietnamese message for staff screens; never contains the recipient.</param>
/// <param name="IsTransient">Whether a later retry may succeed (the outbox keeps the message and retries with
/// back-off); otherwise the message is dead-lettered.</param>
public abstract record NotificationError(string Code, string Message, bool IsTransient) : Error(Code, Message);

/// <summary>A field of the message is missing or malformed (a bug or bad data; retrying does not help).</summary>
/// <param name="Field">The field name, e.g. <c>IdempotencyKey</c>.</param>
public sealed record InvalidNotificationError(string Field)
    : NotificationError("notification.invalid", $"Thông báo không hợp lệ: trường {Field} bị thiếu hoặc sai.", IsTransient: false);

/// <summary>The recipient is not a valid e-mail address or phone number. Does not repeat it (personal data).</summary>
public sealed record InvalidRecipientError(NotificationChannel Channel)
    : NotificationError("notification.invalid_recipient",
        Channel == NotificationChannel.Email ? "Địa chỉ thư điện tử của người nhận không hợp lệ." : "Số điện thoại của người nhận không hợp lệ.",
        IsTransient: false);

/// <summary>Neither an SMTP host nor a pickup folder is configured; retrying after configuration succeeds.</summary>
public sealed record EmailNotConfiguredError()
    : NotificationError("notification.email_not_configured", "Chưa cấu hình máy chủ gửi thư điện tử.", IsTransient: true);

/// <summary>The SMTP server could not be reached, dropped the connection, timed out or answered 4xx.</summary>
/// <param name="StatusCode">The SMTP reply, or <see cref="SmtpStatusCode.GeneralFailure"/> for a network failure.</param>
public sealed record EmailDeliveryFailedError(SmtpStatusCode StatusCode)
    : NotificationError("notification.email_failed",
        StatusCode == SmtpStatusCode.GeneralFailure
            ? "Không kết nối được máy chủ thư điện tử; thư sẽ được gửi lại."
            : $"Máy chủ thư điện tử tạm thời từ chối nhận thư (mã {(int)StatusCode}); thư sẽ được gửi lại.",
        IsTransient: true);

/// <summary>The SMTP server refused the message or recipient for good (5xx).</summary>
public sealed record EmailRejectedError(SmtpStatusCode StatusCode)
    : NotificationError("notification.email_rejected",
        $"Máy chủ thư điện tử từ chối thư (mã {(int)StatusCode}).", IsTransient: false);
