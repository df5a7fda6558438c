namespace MotCua.Web.Notifications;

/// <summary>An SMS to one phone number.</summary>
public sealed record SmsMessage(string PhoneNumber, string Text, string IdempotencyKey);
