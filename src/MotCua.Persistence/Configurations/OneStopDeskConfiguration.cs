using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Units;

namespace MotCua.Persistence.Configurations;

internal sealed class OneStopDeskConfiguration : IEntityTypeConfiguration<OneStopDesk>
{
    public void Configure(EntityTypeBuilder<OneStopDesk> builder)
    {
        builder.ToTable("OneStopDesks");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.HasIndex(d => d.UnitId);
        builder.HasOne<OrganisationalUnit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(d => d.WorkSessions, s =>
        {
            s.ToTable("DeskWorkSessions");
            s.WithOwner().HasForeignKey("DeskId");
            s.HasKey("DeskId", nameof(DeskWorkSession.DayOfWeek), nameof(DeskWorkSession.Start));
        });
        builder.Navigation(d => d.WorkSessions).HasField("_workSessions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
