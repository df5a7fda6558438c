using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.ParIndex;

namespace MotCua.Persistence.Configurations;

/// <summary>A framework's published PAR Index results (issue 11 §4): the header in columns, the results table as published
/// in one JSON column (<see cref="ParResultsJson"/>), never updated; (framework, number) is unique, a correction is a new
/// row. The public page reads by province, year and level.</summary>
internal sealed class ParPublicationConfiguration : IEntityTypeConfiguration<ParPublication>
{
    public void Configure(EntityTypeBuilder<ParPublication> builder)
    {
        builder.ToTable("ParPublications");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Reason).HasMaxLength(ParPublication.MaxReasonLength);
        builder.Ignore(p => p.Table);
        builder.HasIndex(p => new { p.FrameworkId, p.Number }).IsUnique();
        builder.HasIndex(p => new { p.ProvinceUnitId, p.Year, p.Level });
        builder.HasOne<ParFramework>().WithMany().HasForeignKey(p => p.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Units.OrganisationalUnit>().WithMany().HasForeignKey(p => p.ProvinceUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
