using MotCua.Domain.Common;

namespace MotCua.Web.Features.DossierForms;

/// <summary>The dossier has not reached the state in which this form exists (<c>form.not_applicable</c>) → 422.</summary>
/// <param name="Form">"01" … "06".</param>
/// <param name="Why">What is missing, in Vietnamese.</param>
public sealed record FormNotApplicable(string Form, string Why)
    : Error("form.not_applicable", $"Chưa thể lập Mẫu số {Form}: {Why}.");
