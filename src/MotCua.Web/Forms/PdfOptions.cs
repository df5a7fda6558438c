namespace MotCua.Web.Forms;

/// <summary>Settings of the configuration section <c>Pdf</c>.</summary>
public sealed class PdfOptions
{
    public const string SectionName = "Pdf";

    /// <summary>The Chromium executable (Debian package <c>chromium</c>).</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How long one conversion may take before Chromium is killed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many Chromium processes may run at once; each takes a core and ~150 MB while it prints.</summary>
    public int MaxConcurrency { get; set; } = 2;
}
