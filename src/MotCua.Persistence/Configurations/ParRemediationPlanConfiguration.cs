using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.ParIndex;

namespace MotCua.Persistence.Configurations;

/// <summary>A unit's PAR Index remediation plan (issue 11 §6): the header in columns, the items (actions, owner, deadline,
/// status, evidence, notes) in one JSON column, the audit trail in its own append-only table. (Framework, unit) is unique;
/// <see cref="ParRemediationPlan.Revision"/> is the concurrency token.</summary>
internal sealed class ParRemediationPlanConfiguration : IEntityTypeConfiguration<ParRemediationPlan>
{
    public void Configure(EntityTypeBuilder<ParRemediationPlan> builder)
    {
        builder.ToTable("ParRemediationPlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.Property(p => p.Items)
            .HasField("_items")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonListConversion<ParRemediationItem>.Converter(), JsonListConversion<ParRemediationItem>.Comparer());
        builder.HasIndex(p => new { p.FrameworkId, p.UnitId }).IsUnique();
        builder.HasOne<ParFramework>().WithMany().HasForeignKey(p => p.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Units.OrganisationalUnit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Events).WithOne().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(p => p.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>A remediation plan's audit trail: append-only, one row per generation, item change, approval or comment.</summary>
internal sealed class ParRemediationEventConfiguration : IEntityTypeConfiguration<ParRemediationEvent>
{
    public void Configure(EntityTypeBuilder<ParRemediationEvent> builder)
    {
        builder.ToTable("ParRemediationEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ItemCode).HasMaxLength(40);
    }
}
