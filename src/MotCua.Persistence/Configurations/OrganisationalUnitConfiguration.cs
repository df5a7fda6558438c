using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Units;

namespace MotCua.Persistence.Configurations;

internal sealed class OrganisationalUnitConfiguration : IEntityTypeConfiguration<OrganisationalUnit>
{
    public void Configure(EntityTypeBuilder<OrganisationalUnit> builder)
    {
        builder.ToTable("OrganisationalUnits");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Name).HasMaxLength(300);
        builder.Property(u => u.ShortName).HasMaxLength(100);
        builder.Property(u => u.IdentifierCode).HasMaxLength(13);
        builder.HasIndex(u => u.IdentifierCode).IsUnique();
        builder.HasOne<OrganisationalUnit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganisationalUnit>().WithMany().HasForeignKey(u => u.SuccessorUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
