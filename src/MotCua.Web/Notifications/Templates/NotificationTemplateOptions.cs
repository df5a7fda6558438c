namespace MotCua.Web.Notifications.Templates;

/// <summary>Configuration section <c>Notifications</c>.</summary>
public sealed class NotificationTemplateOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Notifications";

    /// <summary>The signature under every e-mail.</summary>
    public string SystemName { get; set; } = "Hệ thống thông tin giải quyết thủ tục hành chính";

    /// <summary>The short sender tag at the start of an SMS (brand names are registered without diacritics).</summary>
    public string SmsTag { get; set; } = "MOTCUA";

    /// <summary>Optional public lookup page; the dossier code is appended as <c>?ma=…</c>.</summary>
    public string? LookupUrl { get; set; }
}
