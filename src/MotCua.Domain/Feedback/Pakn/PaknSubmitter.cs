using System.Text.RegularExpressions;
using MotCua.Domain.Dossiers;

namespace MotCua.Domain.Feedback.Pakn;

/// <summary>Who submitted the PAKN (personal data). Name, address and phone are required by ND 20/2008 Art. 7.</summary>
/// <param name="FullName">Họ tên (an organisation's name for an organisation).</param>
/// <param name="Address">Địa chỉ.</param>
/// <param name="Phone">Số điện thoại, digits starting with 0 once tidied (<see cref="PaknSubmitterRules.Tidy"/>).</param>
/// <param name="Email">Optional e-mail, for the answer.</param>
/// <param name="AccountId">The portal account that submitted, if any.</param>
public sealed record PaknSubmitter(string FullName, string Address, string Phone, string? Email = null, Guid? AccountId = null);

/// <summary>The format checks on a submitter, with Vietnamese messages keyed by field (<c>fullName</c>,
/// <c>address</c>, <c>phone</c>, <c>email</c>).</summary>
public static partial class PaknSubmitterRules
{
    /// <summary>Every problem with <paramref name="submitter"/>, by field; empty when it is acceptable.</summary>
    public static IReadOnlyDictionary<string, string> Problems(PaknSubmitter submitter)
    {
        ArgumentNullException.ThrowIfNull(submitter);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        Check(problems, "fullName", submitter.FullName, PaknFieldLimits.SubmitterName, "họ tên người phản ánh, kiến nghị");
        Check(problems, "address", submitter.Address, PaknFieldLimits.SubmitterAddress, "địa chỉ người phản ánh, kiến nghị");
        if (string.IsNullOrWhiteSpace(submitter.Phone))
        {
            problems["phone"] = "Phải nhập số điện thoại liên hệ (Điều 7 Nghị định 20/2008/NĐ-CP).";
        }
        else if (submitter.Phone.Length > PaknFieldLimits.SubmitterPhone || ApplicantRules.NormalisePhone(submitter.Phone) is null)
        {
            problems["phone"] = "Số điện thoại phải gồm 10 hoặc 11 chữ số, bắt đầu bằng 0 (hoặc +84).";
        }

        if (!string.IsNullOrWhiteSpace(submitter.Email)
            && (submitter.Email.Trim().Length > PaknFieldLimits.SubmitterEmail || !EmailPattern().IsMatch(submitter.Email.Trim())))
        {
            problems["email"] = "Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.vn).";
        }

        return problems;
    }

    /// <summary>The submitter with white space trimmed, the phone as digits starting with 0 and an empty e-mail as
    /// <see langword="null"/>; call after <see cref="Problems"/> found nothing.</summary>
    public static PaknSubmitter Tidy(PaknSubmitter submitter)
    {
        ArgumentNullException.ThrowIfNull(submitter);
        return submitter with
        {
            FullName = submitter.FullName.Trim(),
            Address = submitter.Address.Trim(),
            Phone = ApplicantRules.NormalisePhone(submitter.Phone) ?? submitter.Phone.Trim(),
            Email = string.IsNullOrWhiteSpace(submitter.Email) ? null : submitter.Email.Trim(),
        };
    }

    private static void Check(Dictionary<string, string> problems, string key, string? value, int max, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems[key] = $"Phải nhập {label} (Điều 7 Nghị định 20/2008/NĐ-CP).";
        }
        else if (value.Trim().Length > max)
        {
            problems[key] = $"{char.ToUpperInvariant(label[0])}{label[1..]} dài quá {max} ký tự.";
        }
        else if (value.Any(char.IsControl))
        {
            problems[key] = $"{char.ToUpperInvariant(label[0])}{label[1..]} chứa ký tự điều khiển.";
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
