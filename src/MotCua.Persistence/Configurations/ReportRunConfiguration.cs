using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Persistence.Reports;
using MotCua.Persistence.Statistics;

namespace MotCua.Persistence.Configurations;

/// <summary>Runs are listed newest first per unit (the report page's recent runs).</summary>
internal sealed class ReportRunConfiguration : IEntityTypeConfiguration<ReportRun>
{
    public void Configure(EntityTypeBuilder<ReportRun> builder)
    {
        builder.ToTable("ReportRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Report).HasMaxLength(40);
        builder.Property(r => r.UnitName).HasMaxLength(300);
        builder.Property(r => r.RowsHash).HasMaxLength(64);
        builder.HasIndex(r => new { r.UnitId, r.GeneratedAt });
    }
}

internal sealed class StatisticsVersionConfiguration : IEntityTypeConfiguration<StatisticsVersion>
{
    public void Configure(EntityTypeBuilder<StatisticsVersion> builder)
    {
        builder.ToTable("StatisticsVersion");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
    }
}
