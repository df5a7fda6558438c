using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Dossiers;
using MotCua.Persistence.Dossiers;

namespace MotCua.Persistence.Configurations;

internal sealed class DossierCodeCounterConfiguration : IEntityTypeConfiguration<DossierCodeCounter>
{
    public void Configure(EntityTypeBuilder<DossierCodeCounter> builder)
    {
        builder.ToTable("DossierCodeCounters");
        builder.HasKey(c => new { c.UnitId, c.Date });
    }
}

internal sealed class RegisterBookCounterConfiguration : IEntityTypeConfiguration<RegisterBookCounter>
{
    public void Configure(EntityTypeBuilder<RegisterBookCounter> builder)
    {
        builder.ToTable("RegisterBookCounters");
        builder.HasKey(c => new { c.DeskId, c.Year });
    }
}

internal sealed class DossierRegisterEntryConfiguration : IEntityTypeConfiguration<DossierRegisterEntry>
{
    public void Configure(EntityTypeBuilder<DossierRegisterEntry> builder)
    {
        builder.ToTable("DossierRegisterEntries");
        builder.HasKey(e => e.DossierId);
        builder.HasIndex(e => new { e.DeskId, e.Year, e.Number }).IsUnique();
        builder.HasOne<Dossier>().WithOne().HasForeignKey<DossierRegisterEntry>(e => e.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyKeys");
        builder.HasKey(r => new { r.CallerId, r.Key });
        builder.Property(r => r.CallerId).HasMaxLength(100);
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.HasIndex(r => r.CreatedAt);
    }
}

internal sealed class PersonalDataAccessConfiguration : IEntityTypeConfiguration<PersonalDataAccess>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccess> builder)
    {
        builder.ToTable("PersonalDataAccessLog");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Purpose).HasMaxLength(100);
        builder.HasIndex(a => a.DossierId);
        builder.HasIndex(a => new { a.UserId, a.At });
    }
}
