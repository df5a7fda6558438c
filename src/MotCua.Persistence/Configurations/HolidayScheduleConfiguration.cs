using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Persistence.Holidays;

namespace MotCua.Persistence.Configurations;

internal sealed class HolidayScheduleConfiguration : IEntityTypeConfiguration<HolidayScheduleEntity>
{
    public void Configure(EntityTypeBuilder<HolidayScheduleEntity> builder)
    {
        builder.ToTable("HolidaySchedules");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => s.Year).IsUnique();
        builder.Property(s => s.SourceDocument).HasMaxLength(500);
        builder.Property(s => s.Note).HasMaxLength(2000);
        builder.HasMany(s => s.Days).WithOne().HasForeignKey(d => d.ScheduleId).OnDelete(DeleteBehavior.Cascade);
    }
}
