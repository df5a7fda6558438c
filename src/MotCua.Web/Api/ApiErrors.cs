using MotCua.Domain.Common;

namespace MotCua.Web.Api;

/// <summary>The resource does not exist (<c>api.not_found</c>) → 404.</summary>
public sealed record NotFoundError(string What)
    : Error("api.not_found", $"Không tìm thấy {What}.");

/// <summary>The caller's roles or units do not cover the resource (<c>api.forbidden</c>) → 403.</summary>
public sealed record OutOfScope(string Reason)
    : Error("api.forbidden", $"Không có quyền: {Reason}.");

/// <summary>The caller's version is not the stored one (<c>api.stale_version</c>) → 409.</summary>
public sealed record StaleVersion(int Expected, int Actual)
    : Error("api.stale_version", $"Hồ sơ đã thay đổi (phiên bản {Actual}, yêu cầu gửi phiên bản {Expected}); tải lại rồi thử lại.");

/// <summary>Input that does not have the right shape (<c>api.validation</c>) → 400 ValidationProblem.</summary>
/// <param name="Fields">The problems by field (the API's names, e.g. <c>applicant.identityNumber</c>), each with its
/// code, so that a page can say them in its own language (<c>PageErrors</c>).</param>
public sealed record ValidationFailed(IReadOnlyDictionary<string, FieldMessage[]> Fields)
    : Error("api.validation", "Dữ liệu gửi lên không hợp lệ.")
{
    /// <summary>The Vietnamese messages by field: the API's <c>errors</c>.</summary>
    public IReadOnlyDictionary<string, string[]> Errors =>
        Fields.ToDictionary(f => f.Key, f => f.Value.Select(m => m.Text).ToArray(), StringComparer.Ordinal);

    public static ValidationFailed One(string field, FieldMessage message) => new(new Dictionary<string, FieldMessage[]> { [field] = [message] });
}

/// <summary>An idempotency key reused with a different request body (<c>api.idempotency_key_reused</c>) → 422.</summary>
public sealed record IdempotencyKeyReused(string Key)
    : Error("api.idempotency_key_reused", "Khóa Idempotency-Key đã được dùng cho một yêu cầu khác.");
