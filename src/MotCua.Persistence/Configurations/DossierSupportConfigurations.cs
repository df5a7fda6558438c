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
    /// <summary>Rows not chained yet: quoted identifiers, valid on SQLite and PostgreSQL alike.</summary>
    internal const string UnsealedFilter = "\"Hash\" = ''";

    public void Configure(EntityTypeBuilder<PersonalDataAccess> builder)
    {
        builder.ToTable("PersonalDataAccessLog");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Purpose).HasMaxLength(100);
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.Hash).HasMaxLength(64);
        // One position per dossier chain: a second writer that computed the same position fails here (see PersonalDataReadLog).
        builder.HasIndex(a => new { a.DossierId, a.Sequence }).IsUnique();
        // The sealer's queue: list reads waiting to be chained (PersonalDataReadLog.EnqueueAsync), a handful at a time.
        builder.HasIndex(a => a.Id, "IX_PersonalDataAccessLog_Unsealed").HasFilter(UnsealedFilter);
        builder.HasIndex(a => new { a.UserId, a.At });
    }
}

internal sealed class PersonalDataAccessHeadConfiguration : IEntityTypeConfiguration<PersonalDataAccessHead>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccessHead> builder)
    {
        builder.ToTable("PersonalDataAccessHeads");
        builder.HasKey(h => h.DossierId);
        builder.Property(h => h.LastSequence).IsConcurrencyToken();
        builder.Property(h => h.Hash).HasMaxLength(64);
    }
}

internal sealed class PublicLookupAttemptConfiguration : IEntityTypeConfiguration<PublicLookupAttempt>
{
    public void Configure(EntityTypeBuilder<PublicLookupAttempt> builder)
    {
        builder.ToTable("PublicLookupAttempts");
        builder.HasKey(a => new { a.Key, a.WindowStart });
        builder.Property(a => a.Key).HasMaxLength(PublicLookupAttempt.KeyMaxLength);
        builder.HasIndex(a => a.WindowStart);
    }
}
