using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Forms;

namespace MotCua.Web.Features.DossierForms;

/// <summary>Maps a stored dossier (with its procedure, units, desk and register line) onto the view models of Forms
/// 01–06 (TT 01/2018/TT-VPCP), one builder per form (<see cref="ReceiptSlipBuilder"/> … <see cref="RegisterBookBuilder"/>).
/// A form the dossier has not reached yet is a <see cref="FormNotApplicable"/> value.</summary>
public sealed class DossierFormModels(AppDbContext db, RatingLinks ratingLinks)
{
    /// <summary>The forms served per dossier; 06 is per unit and year.</summary>
    public static readonly IReadOnlyList<string> DossierForms =
        [ReceiptSlipBuilder.Form, SupplementRequestBuilder.Form, RefusalBuilder.Form, ApologyBuilder.Form, ControlSheetBuilder.Form];

    /// <summary>The forms addressed to the applicant, which the owner citizen may print too: the receipt (01), the
    /// supplement request (02), the refusal (03) and the apology (04). The control sheet (05) is the agencies' own record.</summary>
    public static readonly IReadOnlyList<string> ApplicantForms =
        [ReceiptSlipBuilder.Form, SupplementRequestBuilder.Form, RefusalBuilder.Form, ApologyBuilder.Form];

    /// <summary>The view model of form <paramref name="form"/> ("01"–"05") for <paramref name="dossier"/>.</summary>
    public async Task<Result<FormDocument>> BuildAsync(Dossier dossier, string form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var basis = await FormBasis.LoadAsync(db, dossier, ct);
        return form switch
        {
            ReceiptSlipBuilder.Form => await ReceiptSlipBuilder.BuildAsync(db, basis, ratingLinks, ct),
            SupplementRequestBuilder.Form => await SupplementRequestBuilder.BuildAsync(db, basis, ct),
            RefusalBuilder.Form => await RefusalBuilder.BuildAsync(db, basis, ct),
            ApologyBuilder.Form => await ApologyBuilder.BuildAsync(db, basis, ct),
            ControlSheetBuilder.Form => await ControlSheetBuilder.BuildAsync(db, basis, ct),
            _ => new NotFoundError($"mẫu số {form}"),
        };
    }

    /// <summary>The register book (Form 06) of a unit's desks for one year, in register order.</summary>
    public Task<Result<(RegisterBookModel Model, IReadOnlyList<Guid> DossierIds)>> RegisterAsync(Guid unitId, int year, CancellationToken ct) =>
        RegisterBookBuilder.BuildAsync(db, unitId, year, ct);
}
