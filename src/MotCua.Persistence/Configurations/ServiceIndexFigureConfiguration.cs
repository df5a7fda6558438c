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
        builder.HasIndex(f => new { f.UnitId, f.PeriodFirst, f.PeriodLast, f.IndicatorId }).IsUnique();
        builder.HasOne<Domain.Units.OrganisationalUnit>().WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
