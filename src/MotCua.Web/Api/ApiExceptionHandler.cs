using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using MotCua.Persistence;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Api;

/// <summary>Turns every exception that escapes an endpoint into RFC 9457 problem details in Vietnamese, in every
/// environment: bad input the framework detects (malformed JSON, wrong types, malformed multipart, bodies over the size
/// limit) → 4xx; the database unreachable → 503 with <c>Retry-After</c>; anything else → 500 with a trace id and no
/// exception text, stack trace or source path (those go to the log only).</summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before retrying while the database is unavailable.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (!ErrorPages.IsApi(httpContext))
        {
            // A page request: the middleware re-executes the HTML error page (Pages/Error) with Classify's status.
            return false;
        }

        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody reads an answer.
            httpContext.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }

        var (status, code, detail) = HasForeignCharset(httpContext.Request) && exception is InvalidOperationException
            ? (StatusCodes.Status415UnsupportedMediaType, "api.unsupported_charset", "Chỉ nhận nội dung mã hóa UTF-8 (charset=utf-8).")
            : Classify(exception);
        switch (status)
        {
            case StatusCodes.Status503ServiceUnavailable:
                LogUnavailable(logger, exception.GetType().Name);
                httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case >= 500:
                if (logger.IsEnabled(LogLevel.Error))
                {
                    LogFailed(logger, exception, httpContext.Request.Method, httpContext.GetEndpoint()?.DisplayName);
                }

                break;
            default:
                LogRejected(logger, exception, status);
                break;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Detail = detail,
                Extensions = { ["errorCode"] = code, ["rule"] = code },
            },
        });
    }

    /// <summary>The status, rule code and Vietnamese explanation for <paramref name="exception"/>.</summary>
    public static (int Status, string Code, string Detail) Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (DatabaseAvailability.IsUnavailable(exception))
        {
            return (StatusCodes.Status503ServiceUnavailable, "api.database_unavailable",
                "Hệ thống tạm thời không kết nối được cơ sở dữ liệu; vui lòng thử lại sau ít phút.");
        }

        return exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "api.payload_too_large", "Dữ liệu gửi lên vượt quá dung lượng cho phép."),
            BadHttpRequestException { InnerException: JsonException json } =>
                (StatusCodes.Status400BadRequest, "api.malformed_json", JsonDetail(json)),
            BadHttpRequestException { StatusCode: var s and >= 400 and < 500 } =>
                (s, "api.bad_request", "Yêu cầu không hợp lệ: tham số, tiêu đề hoặc nội dung gửi lên sai định dạng."),
            InvalidDataException =>
                (StatusCodes.Status400BadRequest, "api.malformed_multipart", "Nội dung multipart/form-data không hợp lệ (thiếu hoặc sai boundary, phần đầu sai, hoặc bị cắt ngắn)."),
            _ => (StatusCodes.Status500InternalServerError, "api.internal_error",
                "Máy chủ gặp lỗi không mong muốn; vui lòng thử lại sau. Nếu lỗi lặp lại, hãy báo mã traceId cho quản trị hệ thống."),
        };
    }

    // The JSON reader refuses a charset it does not know (utf-7 …) with an InvalidOperationException.
    private static bool HasForeignCharset(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);

    private static string JsonDetail(JsonException json) =>
        string.IsNullOrEmpty(json.Path) || json.Path == "$"
            ? "Nội dung JSON không hợp lệ (sai cú pháp hoặc sai kiểu dữ liệu)."
            : $"Giá trị tại '{json.Path}' không hợp lệ (sai cú pháp hoặc sai kiểu dữ liệu).";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable ({Exception}): answered 503")]
    private static partial void LogUnavailable(ILogger logger, string exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in {Method} {Endpoint}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string? endpoint);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bad request answered {Status}")]
    private static partial void LogRejected(ILogger logger, Exception exception, int status);
}
