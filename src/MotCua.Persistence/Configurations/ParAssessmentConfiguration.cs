using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.ParIndex;

namespace MotCua.Persistence.Configurations;

/// <summary>One unit's self-assessment under one framework (domain.md §11.4 step 3): the header in columns, the entries
/// (input, explanation, evidence per sub-criterion) in one JSON column read and written with it, the audit trail in its
/// own append-only table. (Framework, unit) is unique; <see cref="ParUnitAssessment.Revision"/> is the concurrency token.</summary>
internal sealed class ParAssessmentConfiguration : IEntityTypeConfiguration<ParUnitAssessment>
{
    public void Configure(EntityTypeBuilder<ParUnitAssessment> builder)
    {
        builder.ToTable("ParAssessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.Ignore(a => a.Inputs);
        builder.Ignore(a => a.FinalInputs);
        builder.Property(a => a.Items)
            .HasField("_items")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonListConversion<ParAssessmentEntry>.Converter(), JsonListConversion<ParAssessmentEntry>.Comparer());
        builder.HasIndex(a => new { a.FrameworkId, a.UnitId }).IsUnique();
        builder.HasOne<ParFramework>().WithMany().HasForeignKey(a => a.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Units.OrganisationalUnit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Changes).WithOne().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(a => a.Changes).HasField("_changes").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>The audit trail of self-scores: append-only, one row per score change.</summary>
internal sealed class ParAssessmentChangeConfiguration : IEntityTypeConfiguration<ParAssessmentChange>
{
    public void Configure(EntityTypeBuilder<ParAssessmentChange> builder)
    {
        builder.ToTable("ParAssessmentChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.SubCriterion).HasMaxLength(ParFrameworkJson.MaxFrameworkCodeLength);
        builder.Property(c => c.Reason).HasMaxLength(ParUnitAssessment.MaxReasonLength);
    }
}
