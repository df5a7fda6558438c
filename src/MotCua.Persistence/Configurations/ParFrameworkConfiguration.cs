using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.ParIndex;

namespace MotCua.Persistence.Configurations;

/// <summary>One PAR Index framework version per row (domain.md §11.4 step 1): the header in columns, the bands and the
/// tree of areas in one JSON column (<see cref="ParFrameworkJson.WriteTree"/>, the documented format without its
/// header), read and written whole like a questionnaire's questions. (Province, year, level, version) is unique;
/// <see cref="ParFramework.Revision"/> is the concurrency token of a draft's edits.</summary>
internal sealed class ParFrameworkConfiguration : IEntityTypeConfiguration<ParFramework>
{
    public void Configure(EntityTypeBuilder<ParFramework> builder)
    {
        builder.ToTable("ParFrameworks");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Code).HasMaxLength(ParFrameworkJson.MaxFrameworkCodeLength);
        builder.Property(f => f.Name).HasMaxLength(ParFrameworkJson.MaxFrameworkNameLength);
        builder.Property(f => f.DecisionNumber).HasMaxLength(ParFrameworkJson.MaxDecisionLength);
        builder.Property(f => f.Revision).IsConcurrencyToken();
        builder.Ignore(f => f.Definition);
        builder.Ignore(f => f.Problems);
        builder.Property(f => f.Tree).HasConversion(
            tree => ParFrameworkJson.WriteTree(tree),
            json => ParFrameworkJson.ReadTree(json),
            // Trees compare by content (ParFrameworkTree.Equals); they are immutable, so the snapshot is the tree itself.
            new ValueComparer<ParFrameworkTree>((a, b) => Equals(a, b), tree => tree.GetHashCode(), tree => tree));
        builder.HasIndex(f => new { f.ProvinceUnitId, f.Year, f.Level, f.Version }).IsUnique();
        builder.HasOne<Domain.Units.OrganisationalUnit>().WithMany().HasForeignKey(f => f.ProvinceUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ParFramework>().WithMany().HasForeignKey(f => f.CopiedFromId).OnDelete(DeleteBehavior.Restrict);
    }
}
