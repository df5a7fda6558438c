using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Persistence.Outbox;

namespace MotCua.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    /// <summary>The partial index's filter: quoted identifiers, valid on SQLite and PostgreSQL alike.</summary>
    internal const string PendingFilter = "\"SentAt\" IS NULL AND \"DeadLetteredAt\" IS NULL";

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.IdempotencyKey).HasMaxLength(OutboxMessage.IdempotencyKeyMaxLength);
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        builder.Property(m => m.Channel).HasMaxLength(AppDbContext.EnumMaxLength);
        builder.Property(m => m.Recipient).HasMaxLength(OutboxMessage.RecipientMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.LockedBy).HasMaxLength(OutboxMessage.LockedByMaxLength);
        builder.Property(m => m.MessageId).HasMaxLength(OutboxMessage.MessageIdMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorMaxLength);

        // Only pending rows are ever scanned for claiming; sent rows accumulate and must not slow the scan.
        builder.HasIndex(m => m.AvailableAt).HasFilter(PendingFilter);
        // Staff screens list dead letters.
        builder.HasIndex(m => m.DeadLetteredAt);
    }
}
