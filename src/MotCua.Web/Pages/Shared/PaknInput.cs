using MotCua.Domain.Feedback.Pakn;
using MotCua.Web.Features.Pakn;

namespace MotCua.Web.Pages;

/// <summary>The form's fields, as <see cref="SubmitPakn.PaknSubmission"/> takes them.</summary>
public sealed class PaknInput
{
    public string Kind { get; set; } = nameof(PaknKind.Feedback);

    public Guid? ReceivingUnitId { get; set; }

    public string? Subject { get; set; }

    public string? Content { get; set; }

    public string? FullName { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? DossierCode { get; set; }

    public string? ProcedureCode { get; set; }

    public List<int> Categories { get; set; } = [];

    public SubmitPakn.PaknSubmission ToSubmission() => new(
        Kind, Subject, Content, FullName, Address, Phone, Email, ReceivingUnitId, DossierCode, ProcedureCode,
        Categories.Count == 0 ? null : Categories);
}
