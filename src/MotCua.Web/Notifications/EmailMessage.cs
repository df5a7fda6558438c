namespace MotCua.Web.Notifications;

/// <summary>An e-mail to one recipient.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody, string IdempotencyKey);
