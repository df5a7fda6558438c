using Microsoft.AspNetCore.Identity;
using MotCua.Domain.Common;

namespace MotCua.Web.Infrastructure;

/// <summary>Identity's validation messages in Vietnamese (account creation, password change), each with its code and
/// particulars (<see cref="Detail"/>), so that an English page says them in English.</summary>
public sealed class VietnameseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() =>
        Error(nameof(DefaultError), new FieldMessage("identity.default", "Đã có lỗi xảy ra."));

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), new FieldMessage("identity.duplicate_email", "Thư điện tử '{0}' đã được sử dụng.", email));

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), new FieldMessage("identity.duplicate_user_name", "Tên đăng nhập '{0}' đã được sử dụng.", userName));

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), new FieldMessage("identity.invalid_email", "Thư điện tử '{0}' không hợp lệ.", email));

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), new FieldMessage("identity.invalid_user_name", "Tên đăng nhập '{0}' không hợp lệ.", userName));

    public override IdentityError PasswordMismatch() =>
        Error(nameof(PasswordMismatch), new FieldMessage("identity.password_mismatch", "Mật khẩu không đúng."));

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), new FieldMessage("identity.password_too_short", "Mật khẩu phải có ít nhất {0} ký tự.", length));

    public override IdentityError PasswordRequiresDigit() =>
        Error(nameof(PasswordRequiresDigit), new FieldMessage("identity.password_requires_digit", "Mật khẩu phải có ít nhất một chữ số (0–9)."));

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), new FieldMessage("identity.password_requires_lower", "Mật khẩu phải có ít nhất một chữ thường (a–z)."));

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), new FieldMessage("identity.password_requires_upper", "Mật khẩu phải có ít nhất một chữ hoa (A–Z)."));

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric),
            new FieldMessage("identity.password_requires_non_alphanumeric", "Mật khẩu phải có ít nhất một ký tự đặc biệt."));

    public override IdentityError UserLockoutNotEnabled() =>
        Error(nameof(UserLockoutNotEnabled), new FieldMessage("identity.lockout_not_enabled", "Tài khoản này không bật khóa đăng nhập."));

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure),
            new FieldMessage("identity.concurrency_failure", "Dữ liệu đã bị người khác thay đổi. Vui lòng tải lại và thử lại."));

    /// <summary>The translatable message of an Identity error; one this describer does not word is passed on as it is.</summary>
    public static FieldMessage Detail(IdentityError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is Described described ? described.Detail : new FieldMessage("identity.other", "{0}", error.Description);
    }

    private static Described Error(string code, FieldMessage detail) => new(detail) { Code = code, Description = detail.Text };

    private sealed class Described(FieldMessage detail) : IdentityError
    {
        public FieldMessage Detail { get; } = detail;
    }
}
