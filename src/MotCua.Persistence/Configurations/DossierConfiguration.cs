using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MotCua.Domain.Dossiers;

namespace MotCua.Persistence.Configurations;

/// <summary>
/// Maps the <see cref="Dossier"/> aggregate itself: the applicant, apology and financial obligation are complex
/// properties (columns of <c>Dossiers</c>); supplements, control-sheet steps, consultations and the history are child
/// tables loaded with <c>Include</c>. <see cref="Dossier.Version"/> is the optimistic-concurrency token.
/// </summary>
/// <remarks>The history is append-only: no code path updates or deletes <c>DossierHistory</c> rows, database triggers
/// refuse it (migration <c>20261203000040_AppendOnlyAudit</c>), and each row keeps its hash so that
/// <c>motcua audit verify</c> detects edits made behind the application's back.</remarks>
internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public const int CodeMaxLength = 40;

    public void Configure(EntityTypeBuilder<Dossier> builder)
    {
        builder.ToTable("Dossiers");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Code)
            .HasConversion(new DossierCodeConverter())
            .HasMaxLength(CodeMaxLength);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.CalendarVersion).HasMaxLength(80);
        builder.Property(d => d.HistoryHash).HasMaxLength(64);
        builder.Property(d => d.Version).IsConcurrencyToken();

        builder.ComplexProperty(d => d.Applicant, a =>
        {
            a.Property(x => x.FullName).HasColumnName("ApplicantFullName").HasMaxLength(DossierFieldLimits.ApplicantFullName);
            a.Property(x => x.IdentityNumber).HasColumnName("ApplicantIdentityNumber").HasMaxLength(DossierFieldLimits.ApplicantIdentityNumber);
            a.Property(x => x.Phone).HasColumnName("ApplicantPhone").HasMaxLength(DossierFieldLimits.ApplicantPhone);
            a.Property(x => x.Email).HasColumnName("ApplicantEmail").HasMaxLength(DossierFieldLimits.ApplicantEmail);
            a.Property(x => x.Address).HasColumnName("ApplicantAddress").HasMaxLength(DossierFieldLimits.ApplicantAddress);
        });
        builder.ComplexProperty(d => d.Apology, a =>
        {
            a.Property(x => x.Reason).HasColumnName("ApologyReason").HasMaxLength(DossierFieldLimits.Reason);
            a.Property(x => x.PreviousAppointmentAt).HasColumnName("ApologyPreviousAppointmentAt");
            a.Property(x => x.NewAppointmentAt).HasColumnName("ApologyNewAppointmentAt");
            a.Property(x => x.SignerName).HasColumnName("ApologySignerName").HasMaxLength(DossierFieldLimits.SignerName);
            a.Property(x => x.IssuedAt).HasColumnName("ApologyIssuedAt");
            a.Property(x => x.IssuedLate).HasColumnName("ApologyIssuedLate");
        });
        builder.ComplexProperty(d => d.FinancialObligation, f =>
        {
            f.Property(x => x.AmountVnd).HasColumnName("FinancialObligationAmountVnd");
            f.Property(x => x.Description).HasColumnName("FinancialObligationDescription").HasMaxLength(DossierFieldLimits.FinancialObligationDescription);
            f.Property(x => x.RequestedAt).HasColumnName("FinancialObligationRequestedAt");
            f.Property(x => x.PaidAt).HasColumnName("FinancialObligationPaidAt");
            f.Property(x => x.ReceiptNumber).HasColumnName("FinancialObligationReceiptNumber").HasMaxLength(DossierFieldLimits.ReceiptNumber);
        });

        builder.Property(d => d.ReturnAddress).HasMaxLength(DossierFieldLimits.ReturnAddress);
        builder.ComplexProperty(d => d.Shipment, a =>
        {
            a.Property(x => x.Carrier).HasColumnName("ShipmentCarrier").HasMaxLength(DossierFieldLimits.Carrier);
            a.Property(x => x.TrackingNumber).HasColumnName("ShipmentTrackingNumber").HasMaxLength(DossierFieldLimits.TrackingNumber);
            a.Property(x => x.SentAt).HasColumnName("ShipmentSentAt");
            a.Property(x => x.DeliveredAt).HasColumnName("ShipmentDeliveredAt");
        });
        // The checklist is read only with its dossier (Form 01, the dossier page), so one JSON array column is enough.
        builder.Property(d => d.Checklist)
            .HasField("_checklist")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonListConversion<ChecklistItem>.Converter(), JsonListConversion<ChecklistItem>.Comparer());

        // The list filters and keyset paging of GET /api/v1/dossiers.
        // Unit (+ status) then the keyset order, so that one page is a short backward index scan (migration 0004).
        builder.HasIndex(d => new { d.ReceivingUnitId, d.Status, d.SubmittedAt, d.Id });
        builder.HasIndex(d => new { d.CompetentUnitId, d.Status, d.SubmittedAt, d.Id });
        builder.HasIndex(d => new { d.ReceivingUnitId, d.SubmittedAt, d.Id });
        builder.HasIndex(d => new { d.CompetentUnitId, d.SubmittedAt, d.Id });
        builder.HasIndex(d => d.ProcedureId);
        builder.HasIndex(d => d.OwnerUserId);
        builder.HasIndex(d => new { d.ReceivedAt, d.Id });
        builder.HasIndex(d => d.CurrentAppointmentAt);

        builder.HasMany(d => d.Supplements).WithOne().HasForeignKey("DossierId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Steps).WithOne().HasForeignKey("DossierId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Consultations).WithOne().HasForeignKey("DossierId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.History).WithOne().HasForeignKey(h => h.DossierId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(d => d.Supplements).HasField("_supplements").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(d => d.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(d => d.Consultations).HasField("_consultations").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(d => d.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    private sealed class DossierCodeConverter() : ValueConverter<DossierCode, string>(
        code => code.Format(),
        text => DossierCode.Parse(text).Value);
}
