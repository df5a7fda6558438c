using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MotCua.Domain.Catalogue;
using MotCua.Persistence.Catalogue;

namespace MotCua.Persistence.Configurations;

/// <summary>
/// Maps the <see cref="Procedure"/> aggregate itself (no separate persistence model): value records become complex
/// properties (columns of <c>Procedures</c>), child lists become owned tables so that documents, fees, steps and
/// legal references are queryable in SQL on both providers.
/// </summary>
/// <remarks>
/// Flags enums (<see cref="ProcedureChannels"/>, <see cref="SubjectKinds"/>, <see cref="DocumentForms"/>) are stored
/// as their integer bit values, not as names: a combination such as "Individual, Organisation, Enterprise, Foreign"
/// would exceed the 40-character enum column, and the bit values stay valid if a flag is renamed. Plain enums stay strings
/// (model-wide convention). Child rows keep list order through an ascending client-assigned
/// <c>Position</c> in the key (<see cref="ListPositionGenerator"/>; steps use their <see cref="ProcessStep.Order"/>),
/// by which <see cref="CatalogueQueries.InListOrder"/> orders the lists when it loads them.
/// </remarks>
internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public const int CodeMaxLength = 60;

    // Vietnamese stays readable in the stored JSON instead of \uXXXX escapes.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public void Configure(EntityTypeBuilder<Procedure> builder)
    {
        builder.ToTable("Procedures");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Code)
            .HasConversion(code => code.Value, value => new ProcedureCode(value))
            .HasMaxLength(CodeMaxLength);
        builder.HasIndex(p => new { p.Code, p.Version }).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(500);
        builder.Property(p => p.Channels).HasConversion<int>();
        builder.Property(p => p.Subjects).HasConversion<int>();
        builder.Property(p => p.SubjectDescription).HasMaxLength(2000);
        builder.Property(p => p.ProcessingTimeNote).HasMaxLength(2000);
        builder.Property(p => p.Result).HasMaxLength(2000);
        builder.Property(p => p.DeadlinePolicy).HasMaxLength(40);
        builder.Property(p => p.SupplementPolicy).HasMaxLength(40);
        builder.Property(p => p.SearchKey).HasMaxLength(1000);
        builder.HasIndex(p => p.SearchKey);
        builder.Ignore(p => p.HasFees);

        builder.Property(p => p.Conditions)
            .HasField("_conditions")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(new ConditionsConverter(), new ConditionsComparer());

        builder.ComplexProperty(p => p.Sector, s =>
        {
            s.Property(x => x.Code).HasColumnName("SectorCode").HasMaxLength(40);
            s.Property(x => x.Name).HasColumnName("SectorName").HasMaxLength(200);
        });
        builder.ComplexProperty(p => p.Agency, a =>
        {
            a.Property(x => x.Name).HasColumnName("AgencyName").HasMaxLength(300);
            a.Property(x => x.Level).HasColumnName("AgencyLevel");
        });
        builder.ComplexProperty(p => p.ProcessingTime, t =>
        {
            t.Property(x => x.Value).HasColumnName("ProcessingTimeValue");
            t.Property(x => x.Unit).HasColumnName("ProcessingTimeUnit");
        });
        builder.ComplexProperty(p => p.ExtendedProcessingTime, t =>
        {
            t.Property(x => x.Value).HasColumnName("ExtendedProcessingTimeValue");
            t.Property(x => x.Unit).HasColumnName("ExtendedProcessingTimeUnit");
        });
        builder.ComplexProperty(p => p.Provenance, v =>
        {
            v.Property(x => x.Confidence).HasColumnName("ProvenanceConfidence");
            v.Property(x => x.Source).HasColumnName("ProvenanceSource").HasMaxLength(2000);
            v.Property(x => x.CodeConfirmed).HasColumnName("ProvenanceCodeConfirmed");
        });

        builder.OwnsMany(p => p.RequiredDocuments, d =>
        {
            OrderedChild(d, "ProcedureDocuments");
            d.Property(x => x.Name).HasMaxLength(1000);
            d.Property(x => x.Forms).HasConversion<int>();
            d.Property(x => x.Template).HasMaxLength(500);
            d.Property(x => x.Note).HasMaxLength(2000);
        });
        builder.OwnsMany(p => p.Forms, f =>
        {
            OrderedChild(f, "ProcedureForms");
            f.Property(x => x.Name).HasMaxLength(500);
            f.Property(x => x.Reference).HasMaxLength(500);
        });
        builder.OwnsMany(p => p.Fees, f =>
        {
            OrderedChild(f, "ProcedureFees");
            f.Property(x => x.Name).HasMaxLength(300);
            f.Property(x => x.Note).HasMaxLength(2000);
        });
        builder.OwnsMany(p => p.LegalBasis, l =>
        {
            OrderedChild(l, "ProcedureLegalBases");
            l.Property(x => x.Document).HasMaxLength(500);
            l.Property(x => x.Provision).HasMaxLength(200);
        });
        builder.OwnsMany(p => p.InternalProcess, s =>
        {
            s.ToTable("ProcedureSteps");
            s.WithOwner().HasForeignKey("ProcedureId");
            s.HasKey("ProcedureId", nameof(ProcessStep.Order));
            s.Property(x => x.Order).ValueGeneratedNever();
            s.Property(x => x.Name).HasMaxLength(500);
            s.Property(x => x.AgencyName).HasMaxLength(300);
        });

        builder.Navigation(p => p.RequiredDocuments).HasField("_requiredDocuments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Forms).HasField("_forms").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Fees).HasField("_fees").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.LegalBasis).HasField("_legalBasis").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.InternalProcess).HasField("_internalProcess").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    private static void OrderedChild<T>(OwnedNavigationBuilder<Procedure, T> child, string table)
        where T : class
    {
        child.ToTable(table);
        child.WithOwner().HasForeignKey("ProcedureId");
        child.Property<int>(CatalogueQueries.PositionColumn).HasValueGenerator<ListPositionGenerator>();
        child.HasKey("ProcedureId", CatalogueQueries.PositionColumn);
    }

    /// <summary>Conditions are free text never searched on their own, so one JSON array column is enough.</summary>
    private sealed class ConditionsConverter() : ValueConverter<IReadOnlyList<string>, string>(
        list => JsonSerializer.Serialize(list, Json),
        json => JsonSerializer.Deserialize<List<string>>(json, Json) ?? new List<string>());

    private sealed class ConditionsComparer() : ValueComparer<IReadOnlyList<string>>(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}
