namespace MotCua.Domain.Dossiers;

/// <summary>The longest text each dossier field may hold: the column sizes of the EF configurations and the limits the
/// API checks at the edge (<c>RequestValidation</c>), from this one place.</summary>
/// <remarks>Sizes follow the national data standards where they name one (e-mail: RFC 5321's 320 characters; names and
/// agency names: 300, the DVCQG field size); free text (reasons, notes, opinions) is bounded so that a form still fits
/// on its printed page.</remarks>
public static class DossierFieldLimits
{
    public const int ApplicantFullName = 300;
    public const int ApplicantIdentityNumber = 40;
    public const int ApplicantPhone = 40;
    public const int ApplicantEmail = 320;
    public const int ApplicantAddress = 500;

    /// <summary>A reason: supplement request, refusal, rejection, stop, correction, withdrawal, apology.</summary>
    public const int Reason = 2000;

    /// <summary>One item of a supplement request (Form 02 lists them).</summary>
    public const int SupplementItem = 500;

    /// <summary>How many items one supplement request may list.</summary>
    public const int SupplementItems = 100;

    /// <summary>A signer's name (Form 04).</summary>
    public const int SignerName = 300;

    /// <summary>A consulted or inter-agency body's name.</summary>
    public const int AgencyName = 300;

    /// <summary>How many bodies one consultation or inter-agency chain may name.</summary>
    public const int Agencies = 50;

    /// <summary>A consulted body's opinion.</summary>
    public const int Opinion = 4000;

    /// <summary>A history entry's note.</summary>
    public const int Note = 4000;

    /// <summary>The description of a financial obligation.</summary>
    public const int FinancialObligationDescription = 1000;

    /// <summary>A fee receipt's number.</summary>
    public const int ReceiptNumber = 100;

    /// <summary>The address a result is posted to (as the applicant's address).</summary>
    public const int ReturnAddress = ApplicantAddress;

    /// <summary>The postal enterprise carrying a result.</summary>
    public const int Carrier = 200;

    /// <summary>A postal item's tracking number.</summary>
    public const int TrackingNumber = 100;

    /// <summary>How many checklist lines one dossier may carry.</summary>
    public const int ChecklistItems = 100;
}
