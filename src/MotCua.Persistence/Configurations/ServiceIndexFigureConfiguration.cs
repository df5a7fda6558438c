using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Persistence.ServiceIndex;

namespace MotCua.Persistence.Configurations;

/// <summary>One figure per (unit, period, indicator): a re-import replaces it.</summary>
internal sealed class ServiceIndexFigureConfiguration : IEntityTypeConfiguration<ServiceIndexFigure>
{
    public void Configure(EntityTypeBuilder<ServiceIndexFigure> builder)
    {
        builder.ToTable("ServiceIndexFigures");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.IndicatorId).HasMaxLength(ServiceIndexFigure.IndicatorIdMaxLength);
        builder.Property(f => f.SourceNote).HasMaxLength(ServiceIndexFigure.SourceNoteMaxLength);
        // A short name: the conventional one is longer than PostgreSQL's 63 characters.
        builder.HasIndex(f => new { f.UnitId, f.PeriodFirst, f.PeriodLast, f.IndicatorId }).IsUnique().HasDatabaseName("IX_ServiceIndexFigures_Unit_Period_Indicator");
        builder.HasOne<Domain.Units.OrganisationalUnit>().WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
