using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Catalogue;
using MotCua.Persistence.Dossiers;
using MotCua.Persistence.Identity;
using MotCua.Persistence.Portal;

namespace MotCua.Persistence.Configurations;

internal sealed class SubmissionDraftConfiguration : IEntityTypeConfiguration<SubmissionDraft>
{
    public void Configure(EntityTypeBuilder<SubmissionDraft> builder)
    {
        builder.ToTable("SubmissionDrafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Fields).HasMaxLength(SubmissionDraft.FieldsMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Procedure>().WithMany().HasForeignKey(d => d.ProcedureId).OnDelete(DeleteBehavior.Restrict);
        // One draft per account and procedure version: returning to the form finds it.
        builder.HasIndex(d => new { d.OwnerUserId, d.ProcedureId }).IsUnique();
        builder.HasMany(d => d.Files).WithOne().HasForeignKey(f => f.DraftId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubmissionDraftFileConfiguration : IEntityTypeConfiguration<SubmissionDraftFile>
{
    public void Configure(EntityTypeBuilder<SubmissionDraftFile> builder)
    {
        builder.ToTable("SubmissionDraftFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.ComponentName).HasMaxLength(DossierDocument.ComponentNameMaxLength);
        builder.Property(f => f.FileName).HasMaxLength(DossierDocument.FileNameMaxLength);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.ContentType).HasMaxLength(DossierDocument.ContentTypeMaxLength);
        builder.HasIndex(f => new { f.DraftId, f.RequiredDocumentIndex }).IsUnique();
        // Retention asks whether any row still refers to a content hash (as for DossierDocuments).
        builder.HasIndex(f => f.Sha256);
    }
}
