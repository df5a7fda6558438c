using System.Diagnostics;

namespace MotCua.Web.Api;

/// <summary>One shape for every error the app answers, in every environment: RFC 9457 problem details with a
/// Vietnamese title and detail and a <c>traceId</c>; never an exception's text, stack trace or source path.</summary>
public static class ProblemDetailsSetup
{
    /// <summary>Problem details for status-code pages and results, <see cref="ApiExceptionHandler"/> for exceptions, and
    /// minimal-API binding failures raised as exceptions so that they get the same Vietnamese answer.</summary>
    public static IServiceCollection AddMotCuaProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Customize);
        // After the default writer: used when the caller's Accept header rules JSON out (text/html, application/xml …),
        // so that such a caller still gets the explanation instead of an empty body.
        services.AddSingleton<IProblemDetailsWriter, FallbackWriter>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    private static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        // The developer exception page adds the exception (stack trace, source paths, headers): it never leaves the server.
        problem.Extensions.Remove("exception");
        if (problem.Title is null || problem.Title.All(char.IsAscii))
        {
            problem.Title = ErrorMapping.Title(status);
        }

        if (problem.Detail is null || problem.Detail.All(char.IsAscii))
        {
            problem.Detail = Detail(status);
        }

        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
    }

    private sealed class FallbackWriter : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) => true;

        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            Customize(context);
            context.ProblemDetails.Status ??= context.HttpContext.Response.StatusCode;
            return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(context.ProblemDetails, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json"));
        }
    }

    private static string Detail(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Yêu cầu không hợp lệ.",
        StatusCodes.Status401Unauthorized => "Cần đăng nhập hoặc mã truy cập (token) hợp lệ.",
        StatusCodes.Status403Forbidden => "Bạn không có quyền thực hiện thao tác này.",
        StatusCodes.Status404NotFound => "Không tìm thấy địa chỉ hoặc tài nguyên được yêu cầu.",
        StatusCodes.Status405MethodNotAllowed => "Phương thức HTTP này không được hỗ trợ tại địa chỉ này.",
        StatusCodes.Status406NotAcceptable => "Không có định dạng phản hồi phù hợp với tiêu đề Accept.",
        StatusCodes.Status413PayloadTooLarge => "Dữ liệu gửi lên vượt quá dung lượng cho phép.",
        StatusCodes.Status414UriTooLong => "Địa chỉ yêu cầu quá dài.",
        StatusCodes.Status415UnsupportedMediaType => "Kiểu nội dung (Content-Type) không được hỗ trợ.",
        StatusCodes.Status429TooManyRequests => "Quá nhiều yêu cầu; vui lòng thử lại sau.",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "Tiêu đề yêu cầu quá lớn.",
        StatusCodes.Status503ServiceUnavailable => "Hệ thống tạm thời không phục vụ được; vui lòng thử lại sau.",
        >= 500 => "Máy chủ gặp lỗi không mong muốn; vui lòng thử lại sau.",
        _ => "Yêu cầu không thực hiện được.",
    };
}
