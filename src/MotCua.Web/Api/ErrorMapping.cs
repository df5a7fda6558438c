using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;

namespace MotCua.Web.Api;

/// <summary>Maps errors to HTTP once (style.md §2.5): RFC 9457 problem details with <c>errorCode</c> and <c>rule</c>.</summary>
public static class ErrorMapping
{
    /// <summary>The HTTP status an error maps to.</summary>
    public static int StatusOf(Error error) => error switch
    {
        NotFoundError or Domain.Feedback.Surveys.InvitationNotFound => StatusCodes.Status404NotFound,
        OutOfScope or RoleNotAllowed => StatusCodes.Status403Forbidden,
        StaleVersion or Features.ProvinceAdmin.NewProcedureVersion.CatalogueVersionChanged or Domain.Feedback.RatingAlreadyGiven
            or Domain.Feedback.FollowUpAlreadyClosed or Domain.Feedback.Surveys.InvitationAlreadyUsed
            or Features.Surveys.SurveyBusy or Features.Surveys.Sampling.SamplingConcurrent => StatusCodes.Status409Conflict,
        ValidationFailed or FieldRequired or InvalidValue or CommandPayloadMissing or InvalidDossierCode => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>The problem-details result for <paramref name="error"/>.</summary>
    public static IResult ToProblem(this Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var extensions = new Dictionary<string, object?>
        {
            ["errorCode"] = error.GetType().Name,
            ["rule"] = error.Code,
        };
        var status = StatusOf(error);
        if (error is ValidationFailed validation)
        {
            // The stable code of each field's problems, beside their Vietnamese text, so that a client can act on them.
            extensions["codes"] = validation.Fields.ToDictionary(f => f.Key, f => f.Value.Select(m => m.Code).ToArray(), StringComparer.Ordinal);
            return TypedResults.ValidationProblem(validation.Errors, detail: error.Message, extensions: extensions);
        }

        if (status == StatusCodes.Status400BadRequest)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [error.Code] = [error.Message] }, detail: error.Message, extensions: extensions);
        }

        return TypedResults.Problem(detail: error.Message, statusCode: status, title: Title(status), extensions: extensions);
    }

    /// <summary>Maps a result: the value through <paramref name="onSuccess"/>, an error through <see cref="ToProblem"/>.</summary>
    public static IResult ToHttpResult<T>(this Result<T> result, Func<T, IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.IsSuccess ? onSuccess(result.Value) : result.Error.ToProblem();
    }

    /// <summary>The Vietnamese title of a problem with <paramref name="status"/>.</summary>
    internal static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Dữ liệu gửi lên không hợp lệ",
        StatusCodes.Status401Unauthorized => "Chưa xác thực",
        StatusCodes.Status403Forbidden => "Không có quyền",
        StatusCodes.Status404NotFound => "Không tìm thấy",
        StatusCodes.Status405MethodNotAllowed => "Phương thức không được hỗ trợ",
        StatusCodes.Status406NotAcceptable => "Không có định dạng phù hợp",
        StatusCodes.Status409Conflict => "Xung đột phiên bản",
        StatusCodes.Status413PayloadTooLarge => "Dữ liệu quá lớn",
        StatusCodes.Status414UriTooLong => "Địa chỉ quá dài",
        StatusCodes.Status415UnsupportedMediaType => "Kiểu nội dung không được hỗ trợ",
        StatusCodes.Status429TooManyRequests => "Quá nhiều yêu cầu",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "Tiêu đề yêu cầu quá lớn",
        StatusCodes.Status503ServiceUnavailable => "Tạm thời không phục vụ được",
        >= 500 => "Lỗi máy chủ",
        >= 400 and < 500 and not StatusCodes.Status422UnprocessableEntity => "Yêu cầu không thực hiện được",
        _ => "Vi phạm quy tắc nghiệp vụ",
    };

    internal static ProblemHttpResult Problem(int status, string detail, string code) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: Title(status),
            extensions: new Dictionary<string, object?> { ["errorCode"] = code, ["rule"] = code });
}
