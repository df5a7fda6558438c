using MotCua.Domain.Common;

namespace MotCua.Web.Forms;

/// <summary>The configured Chromium executable does not exist.</summary>
public sealed record ChromiumNotFoundError(string Path)
    : Error("pdf.chromium_not_found", $"Không tìm thấy Chromium tại {Path}; không tạo được tệp PDF.");

/// <summary>Chromium ran but did not produce a PDF.</summary>
/// <param name="ExitCode">Chromium's exit code.</param>
/// <param name="Detail">The end of Chromium's error output, for the log.</param>
public sealed record ChromiumFailedError(int ExitCode, string Detail)
    : Error("pdf.chromium_failed", $"Chromium không tạo được tệp PDF (mã thoát {ExitCode}).");

/// <summary>Chromium did not finish within <see cref="PdfOptions.Timeout"/> and was stopped.</summary>
public sealed record ChromiumTimedOutError(TimeSpan Timeout)
    : Error("pdf.chromium_timeout", $"Chromium không tạo xong tệp PDF trong {Timeout.TotalSeconds:0} giây.");
