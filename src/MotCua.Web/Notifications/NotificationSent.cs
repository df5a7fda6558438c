namespace MotCua.Web.Notifications;

/// <summary>A message handed over to its transport.</summary>
/// <param name="Channel">The channel used.</param>
/// <param name="MessageId">The transport's identifier: the e-mail Message-ID, or the SMS gateway's reference.</param>
public sealed record NotificationSent(NotificationChannel Channel, string MessageId);
