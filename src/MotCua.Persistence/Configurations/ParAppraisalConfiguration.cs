using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.ParIndex;

namespace MotCua.Persistence.Configurations;

/// <summary>Who appraises an area of a framework (domain.md §11.4 step 4): the members as one JSON column, unique
/// (framework, area), <see cref="ParAppraisalAssignment.Revision"/> the concurrency token.</summary>
internal sealed class ParAppraisalAssignmentConfiguration : IEntityTypeConfiguration<ParAppraisalAssignment>
{
    public void Configure(EntityTypeBuilder<ParAppraisalAssignment> builder)
    {
        builder.ToTable("ParAppraisalAssignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.Property(a => a.Area).HasMaxLength(ParFrameworkJson.MaxFrameworkCodeLength);
        builder.Property(a => a.Members)
            .HasField("_members")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonListConversion<Guid>.Converter(), JsonListConversion<Guid>.Comparer());
        builder.HasIndex(a => new { a.FrameworkId, a.Area }).IsUnique();
        builder.HasOne<ParFramework>().WithMany().HasForeignKey(a => a.FrameworkId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Survey figures imported by Home Affairs: unique (framework, unit, sub-criterion).</summary>
internal sealed class ParSurveyFigureConfiguration : IEntityTypeConfiguration<ParSurveyFigure>
{
    public void Configure(EntityTypeBuilder<ParSurveyFigure> builder)
    {
        builder.ToTable("ParSurveyFigures");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.SubCriterion).HasMaxLength(ParFrameworkJson.MaxFrameworkCodeLength);
        builder.Property(f => f.Source).HasMaxLength(ParSurveyFigure.MaxSourceLength);
        builder.HasIndex(f => new { f.FrameworkId, f.UnitId, f.SubCriterion }).IsUnique();
        builder.HasOne<ParFramework>().WithMany().HasForeignKey(f => f.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Units.OrganisationalUnit>().WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
