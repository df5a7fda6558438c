using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Reports;

namespace MotCua.Persistence.Configurations;

/// <summary>A unit's CCHC report (issue 11 §7): the header in columns, the narrative sections in one JSON column, the
/// figures' snapshot as the web layer's JSON, the audit trail in its own append-only table. (Unit, rule, first day, last
/// day) is unique; <see cref="CchcReport.Revision"/> is the concurrency token.</summary>
internal sealed class CchcReportConfiguration : IEntityTypeConfiguration<CchcReport>
{
    public void Configure(EntityTypeBuilder<CchcReport> builder)
    {
        builder.ToTable("CchcReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.Property(r => r.PeriodRule).HasMaxLength(40);
        builder.Property(r => r.Number).HasMaxLength(CchcReport.MaxNumberLength);
        builder.Property(r => r.Sections)
            .HasField("_sections")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonListConversion<CchcNarrativeSection>.Converter(), JsonListConversion<CchcNarrativeSection>.Comparer());
        builder.HasIndex(r => new { r.UnitId, r.PeriodRule, r.From, r.To }).IsUnique();
        builder.HasOne<Domain.Units.OrganisationalUnit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>A CCHC report's audit trail: append-only, one row per creation, narrative save, refresh or finalisation.</summary>
internal sealed class CchcReportEventConfiguration : IEntityTypeConfiguration<CchcReportEvent>
{
    public void Configure(EntityTypeBuilder<CchcReportEvent> builder)
    {
        builder.ToTable("CchcReportEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Detail).HasMaxLength(200);
    }
}
