using System.ComponentModel.DataAnnotations;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages;

/// <summary>The applicant's details as a form posts them (<c>_ApplicantFields.cshtml</c>), for every page that takes them:
/// the desk's receipt and correction, and the citizen's online submission, whose input is these details and more. Only
/// the column limits are checked here, so that a value too long is refused under its field; every other rule is the
/// engine's (<see cref="ApplicantRules"/>, through <see cref="CreateDossier"/> and the transitions).</summary>
public class ApplicantInput
{
    [MaxLength(DossierFieldLimits.ApplicantFullName)]
    public string? FullName { get; set; }

    [MaxLength(DossierFieldLimits.ApplicantIdentityNumber)]
    public string? IdentityNumber { get; set; }

    [MaxLength(DossierFieldLimits.ApplicantPhone)]
    public string? Phone { get; set; }

    [MaxLength(DossierFieldLimits.ApplicantEmail)]
    public string? Email { get; set; }

    [MaxLength(DossierFieldLimits.ApplicantAddress)]
    public string? Address { get; set; }

    /// <summary>The applicant as the engine's commands take it (<see cref="CreateDossier"/>, <c>CorrectApplicant</c>).</summary>
    public CreateDossier.ApplicantInput ToCommand() => new(FullName, IdentityNumber, Phone, Email, Address);

    /// <summary>The applicant as the engine's rules check it (<see cref="ApplicantRules.Problems"/>).</summary>
    public Applicant ToApplicant() => new(FullName ?? "", IdentityNumber, Phone, Email, Address);

    /// <summary>The form filled with a dossier's applicant (the correction starts from the stored details).</summary>
    public static ApplicantInput From(ApplicantView applicant)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        return new ApplicantInput
        {
            FullName = applicant.FullName,
            IdentityNumber = applicant.IdentityNumber,
            Phone = applicant.Phone,
            Email = applicant.Email,
            Address = applicant.Address,
        };
    }
}
