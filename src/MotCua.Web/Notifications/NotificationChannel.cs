namespace MotCua.Web.Notifications;

/// <summary>How a notification reaches its recipient.</summary>
public enum NotificationChannel
{
    /// <summary>E-mail over SMTP.</summary>
    Email = 1,

    /// <summary>SMS through the provider's gateway (outside this system).</summary>
    Sms = 2,
}
