using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Dossiers;
using MotCua.Persistence.Dossiers;

namespace MotCua.Persistence.Configurations;

internal sealed class DossierDocumentConfiguration : IEntityTypeConfiguration<DossierDocument>
{
    public void Configure(EntityTypeBuilder<DossierDocument> builder)
    {
        builder.ToTable("DossierDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.ComponentName).HasMaxLength(DossierDocument.ComponentNameMaxLength);
        builder.Property(d => d.FileName).HasMaxLength(DossierDocument.FileNameMaxLength);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.ContentType).HasMaxLength(DossierDocument.ContentTypeMaxLength);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(d => d.DossierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.DossierId, d.UploadedAt });
        // Retention will ask whether any row still refers to a content hash.
        builder.HasIndex(d => d.Sha256);
    }
}
