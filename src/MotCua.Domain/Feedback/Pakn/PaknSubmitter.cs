using System.Text.RegularExpressions;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;

namespace MotCua.Domain.Feedback.Pakn;

/// <summary>Who submitted the PAKN (personal data). Name, address and phone are required by ND 20/2008 Art. 7.</summary>
/// <param name="FullName">Họ tên (an organisation's name for an organisation).</param>
/// <param name="Address">Địa chỉ.</param>
/// <param name="Phone">Số điện thoại, digits starting with 0 once tidied (<see cref="PaknSubmitterRules.Tidy"/>).</param>
/// <param name="Email">Optional e-mail, for the answer.</param>
/// <param name="AccountId">The portal account that submitted, if any.</param>
public sealed record PaknSubmitter(string FullName, string Address, string Phone, string? Email = null, Guid? AccountId = null);

/// <summary>The format checks on a submitter, with messages keyed by field (<c>fullName</c>, <c>address</c>,
/// <c>phone</c>, <c>email</c>).</summary>
public static partial class PaknSubmitterRules
{
    /// <summary>Every problem with <paramref name="submitter"/>, by field; empty when it is acceptable.</summary>
    public static IReadOnlyDictionary<string, FieldMessage> Problems(PaknSubmitter submitter)
    {
        ArgumentNullException.ThrowIfNull(submitter);
        var problems = new Dictionary<string, FieldMessage>(StringComparer.Ordinal);
        Check(problems, "fullName", submitter.FullName, PaknFieldLimits.SubmitterName,
            new FieldMessage("pakn.label.submitter_name", "họ tên người phản ánh, kiến nghị"),
            new FieldMessage("pakn.label.submitter_name_capital", "Họ tên người phản ánh, kiến nghị"));
        Check(problems, "address", submitter.Address, PaknFieldLimits.SubmitterAddress,
            new FieldMessage("pakn.label.submitter_address", "địa chỉ người phản ánh, kiến nghị"),
            new FieldMessage("pakn.label.submitter_address_capital", "Địa chỉ người phản ánh, kiến nghị"));
        if (string.IsNullOrWhiteSpace(submitter.Phone))
        {
            problems["phone"] = new FieldMessage("pakn.phone_required", "Phải nhập số điện thoại liên hệ (Điều 7 Nghị định 20/2008/NĐ-CP).");
        }
        else if (submitter.Phone.Length > PaknFieldLimits.SubmitterPhone || ApplicantRules.NormalisePhone(submitter.Phone) is null)
        {
            problems["phone"] = ApplicantRules.PhoneInvalid;
        }

        if (!string.IsNullOrWhiteSpace(submitter.Email)
            && (submitter.Email.Trim().Length > PaknFieldLimits.SubmitterEmail || !EmailPattern().IsMatch(submitter.Email.Trim())))
        {
            problems["email"] = ApplicantRules.EmailInvalid;
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

    // The label twice: in a sentence and at its start (a translation capitalises in its own way).
    private static void Check(Dictionary<string, FieldMessage> problems, string key, string? value, int max, FieldMessage label, FieldMessage capitalised)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems[key] = new FieldMessage("pakn.submitter_required", "Phải nhập {0} (Điều 7 Nghị định 20/2008/NĐ-CP).", label);
        }
        else if (value.Trim().Length > max)
        {
            problems[key] = new FieldMessage("pakn.submitter_too_long", "{0} dài quá {1} ký tự.", capitalised, max);
        }
        else if (value.Any(char.IsControl))
        {
            problems[key] = new FieldMessage("pakn.submitter_control", "{0} chứa ký tự điều khiển.", capitalised);
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
