using System.Text.RegularExpressions;
using MotCua.Domain.Common;

namespace MotCua.Domain.Dossiers;

/// <summary>The format checks on an applicant's contact and identity data, with messages keyed by field
/// (<c>fullName</c>, <c>identityNumber</c>, <c>phone</c>, <c>email</c>, <c>address</c>).</summary>
/// <remarks>
/// <para>Identity number: the 12-digit personal identification number printed on the citizen identity card (CCCD;
/// Luật Căn cước 2023 Art. 12) [S for the article]; an organisation applies with its enterprise code, 10 digits, or 13
/// as "10-3" for a branch (Luật Doanh nghiệp 2020 Art. 29) [R]. The 9-digit identity card (CMND) is no longer valid
/// [R] and is refused.</para>
/// <para>Phone: Vietnamese numbers of 10 digits (mobile) or 11 (landline with area code) starting with 0; "+84" or
/// "84" in front stand for the 0; spaces, dots and hyphens are ignored [R].</para>
/// </remarks>
public static partial class ApplicantRules
{
    /// <summary>A phone number that is not Vietnamese (applicants and PAKN submitters alike).</summary>
    public static readonly FieldMessage PhoneInvalid =
        new FieldMessage("contact.phone_invalid", "Số điện thoại phải gồm 10 hoặc 11 chữ số, bắt đầu bằng 0 (hoặc +84).");

    /// <summary>An e-mail address of the wrong shape (applicants and PAKN submitters alike).</summary>
    public static readonly FieldMessage EmailInvalid =
        new FieldMessage("contact.email_invalid", "Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.vn).");

    /// <summary>Every problem with <paramref name="applicant"/>, by field; empty when it is acceptable. Only the name is
    /// required; the other fields are checked when given.</summary>
    public static IReadOnlyDictionary<string, FieldMessage> Problems(Applicant applicant)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        var problems = new Dictionary<string, FieldMessage>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(applicant.FullName))
        {
            problems["fullName"] = new FieldMessage("applicant.name_required", "Phải nhập họ tên người nộp hồ sơ.");
        }

        if (!string.IsNullOrWhiteSpace(applicant.IdentityNumber) && !IsIdentityNumber(applicant.IdentityNumber))
        {
            problems["identityNumber"] = new FieldMessage("applicant.identity_number",
                "Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số; mã số doanh nghiệp gồm 10 chữ số (hoặc 10-3 cho chi nhánh).");
        }

        if (!string.IsNullOrWhiteSpace(applicant.Phone) && NormalisePhone(applicant.Phone) is null)
        {
            problems["phone"] = PhoneInvalid;
        }

        if (!string.IsNullOrWhiteSpace(applicant.Email) && !EmailPattern().IsMatch(applicant.Email.Trim()))
        {
            problems["email"] = EmailInvalid;
        }

        return problems;
    }

    /// <summary>Whether <paramref name="text"/> is a 12-digit personal identification number or an enterprise code.</summary>
    public static bool IsIdentityNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IdentityPattern().IsMatch(text.Trim());
    }

    /// <summary>The phone number as digits starting with 0, or <see langword="null"/> when it is not a Vietnamese number.</summary>
    public static string? NormalisePhone(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = SeparatorPattern().Replace(text.Trim(), "");
        if (digits.StartsWith('+'))
        {
            digits = digits[1..];
        }

        if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length is 11 or 12)
        {
            digits = "0" + digits[2..];
        }

        return PhonePattern().IsMatch(digits) ? digits : null;
    }

    /// <summary>The applicant with surrounding white space removed and empty fields as <see langword="null"/>.</summary>
    public static Applicant Tidy(Applicant applicant)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        static string? T(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return new Applicant(applicant.FullName?.Trim() ?? "", T(applicant.IdentityNumber), T(applicant.Phone), T(applicant.Email), T(applicant.Address));
    }

    [GeneratedRegex(@"^(\d{12}|\d{10}(-\d{3})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentityPattern();

    [GeneratedRegex(@"^0\d{9,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"[\s.\-()]", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatorPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
