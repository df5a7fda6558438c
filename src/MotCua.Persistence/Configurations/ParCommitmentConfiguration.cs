using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.ParIndex;

namespace MotCua.Persistence.Configurations;

/// <summary>A unit's PAR Index commitment (issue 11 §5): the header in columns, the targets (area, percentage) in one JSON
/// column, the audit trail in its own append-only table. (Framework, unit) is unique; <see cref="ParCommitment.Revision"/>
/// is the concurrency token.</summary>
internal sealed class ParCommitmentConfiguration : IEntityTypeConfiguration<ParCommitment>
{
    public void Configure(EntityTypeBuilder<ParCommitment> builder)
    {
        builder.ToTable("ParCommitments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Revision).IsConcurrencyToken();
        builder.Property(c => c.Targets)
            .HasField("_targets")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonListConversion<ParCommitmentTarget>.Converter(), JsonListConversion<ParCommitmentTarget>.Comparer());
        builder.HasIndex(c => new { c.FrameworkId, c.UnitId }).IsUnique();
        builder.HasOne<ParFramework>().WithMany().HasForeignKey(c => c.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Units.OrganisationalUnit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>A commitment's audit trail: append-only, one row per opening, change of targets, signature or reopening.</summary>
internal sealed class ParCommitmentEventConfiguration : IEntityTypeConfiguration<ParCommitmentEvent>
{
    public void Configure(EntityTypeBuilder<ParCommitmentEvent> builder)
    {
        builder.ToTable("ParCommitmentEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Reason).HasMaxLength(ParCommitment.MaxReasonLength);
    }
}
