using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MotCua.Domain.Dossiers;

namespace MotCua.Persistence.Configurations;

internal sealed class SupplementRequestConfiguration : IEntityTypeConfiguration<SupplementRequest>
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public void Configure(EntityTypeBuilder<SupplementRequest> builder)
    {
        builder.ToTable("DossierSupplements");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Reason).HasMaxLength(DossierFieldLimits.Reason);
        // The items are read only with their request, so one JSON array column is enough.
        builder.Property(s => s.Items)
            .HasField("_items")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(new ItemsConverter(), new ItemsComparer());
    }

    private sealed class ItemsConverter() : ValueConverter<IReadOnlyList<string>, string>(
        list => JsonSerializer.Serialize(list, Json),
        json => JsonSerializer.Deserialize<List<string>>(json, Json) ?? new List<string>());

    private sealed class ItemsComparer() : ValueComparer<IReadOnlyList<string>>(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}

internal sealed class ProcessingStepConfiguration : IEntityTypeConfiguration<ProcessingStep>
{
    public void Configure(EntityTypeBuilder<ProcessingStep> builder)
    {
        builder.ToTable("DossierSteps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.AgencyName).HasMaxLength(DossierFieldLimits.AgencyName);
        builder.Ignore(s => s.IsOpen);
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.ToTable("DossierConsultations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.AgencyName).HasMaxLength(DossierFieldLimits.AgencyName);
        builder.Property(c => c.Opinion).HasMaxLength(DossierFieldLimits.Opinion);
    }
}

internal sealed class DossierHistoryEntryConfiguration : IEntityTypeConfiguration<DossierHistoryEntry>
{
    public void Configure(EntityTypeBuilder<DossierHistoryEntry> builder)
    {
        builder.ToTable("DossierHistory");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasIndex(h => new { h.DossierId, h.Sequence }).IsUnique();
        builder.Property(h => h.Note).HasMaxLength(DossierFieldLimits.Note);
        builder.Property(h => h.PreviousHash).HasMaxLength(64);
        builder.Property(h => h.Hash).HasMaxLength(64);
    }
}
