using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Persistence.Holidays;

namespace MotCua.Persistence.Configurations;

internal sealed class HolidayScheduleDayConfiguration : IEntityTypeConfiguration<HolidayScheduleDayEntity>
{
    public void Configure(EntityTypeBuilder<HolidayScheduleDayEntity> builder)
    {
        builder.ToTable("HolidayScheduleDays");
        builder.HasKey(d => new { d.ScheduleId, d.Date });
        builder.Property(d => d.Description).HasMaxLength(300);
        builder.Property(d => d.Source).HasMaxLength(500);
        builder.Property(d => d.Note).HasMaxLength(2000);
    }
}
