namespace MotCua.Web.Notifications;

/// <summary>Configuration section <c>Smtp</c>.</summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Smtp";

    /// <summary>The relay's host name; empty to write messages to <see cref="PickupDirectory"/> instead.</summary>
    public string? Host { get; set; }

    /// <summary>The relay's port (587 for submission with STARTTLS, 25 for a trusted relay).</summary>
    public int Port { get; set; } = 25;

    /// <summary>The sender, e.g. <c>Một cửa điện tử &lt;motcua@tinh.gov.vn&gt;</c>.</summary>
    public string From { get; set; } = "motcua@localhost";

    /// <summary>Optional login; no authentication when empty.</summary>
    public string? UserName { get; set; }

    /// <summary>The password for <see cref="UserName"/>; keep it in user secrets or the environment.</summary>
    public string? Password { get; set; }

    /// <summary>Upgrade with STARTTLS. Implicit TLS (port 465) is not supported by System.Net.Mail.</summary>
    public bool EnableSsl { get; set; }

    /// <summary>How long one message may take, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The right-hand side of Message-IDs; the sender's domain when empty.</summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>For development without a mail server: a folder the messages are written to as .eml files.</summary>
    public string? PickupDirectory { get; set; }
}
