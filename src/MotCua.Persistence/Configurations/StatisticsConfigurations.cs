using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Persistence.Statistics;

namespace MotCua.Persistence.Configurations;

/// <summary>Rows are keyed competent unit first, then grain and day, so a unit's period is one index range; the receiving
/// unit ends the key, and its own index (receiving unit, grain, day) makes a desk's period one range too.</summary>
internal sealed class DossierDayStatConfiguration : IEntityTypeConfiguration<DossierDayStat>
{
    public void Configure(EntityTypeBuilder<DossierDayStat> builder)
    {
        builder.ToTable("DossierDayStats");
        builder.HasKey(s => new { s.UnitId, s.Grain, s.Day, s.ProcedureId, s.Channel, s.ReceivingUnitId });
        builder.HasIndex(s => new { s.ReceivingUnitId, s.Grain, s.Day });
        builder.Ignore(s => s.IsEmpty);
    }
}

internal sealed class DossierStatSnapshotConfiguration : IEntityTypeConfiguration<DossierStatSnapshot>
{
    public void Configure(EntityTypeBuilder<DossierStatSnapshot> builder)
    {
        builder.ToTable("DossierStatSnapshots");
        builder.HasKey(s => s.DossierId);
        builder.Property(s => s.DossierId).ValueGeneratedNever();
        builder.Property(s => s.AppliedVersion).IsConcurrencyToken();
    }
}

internal sealed class DossierStatQueueItemConfiguration : IEntityTypeConfiguration<DossierStatQueueItem>
{
    public void Configure(EntityTypeBuilder<DossierStatQueueItem> builder)
    {
        builder.ToTable("DossierStatQueue");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.HasIndex(q => q.EnqueuedAt);
    }
}
