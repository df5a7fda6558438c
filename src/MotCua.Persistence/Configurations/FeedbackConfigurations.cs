using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Feedback;

namespace MotCua.Persistence.Configurations;

/// <summary>Ratings: one per dossier (the unique index is what makes "rate once" hold under concurrent submissions),
/// indexed for the rates per unit and period (by rating time, and by the dossier's end for 766 §5.4).</summary>
internal sealed class SatisfactionRatingConfiguration : IEntityTypeConfiguration<SatisfactionRating>
{
    /// <summary>The dislikes (<see cref="SatisfactionRating.IsDislike"/>); enums are stored as names.</summary>
    public const string DislikeFilter = "\"Overall\" IN ('VeryDissatisfied', 'Dissatisfied')";

    public void Configure(EntityTypeBuilder<SatisfactionRating> builder)
    {
        builder.ToTable("SatisfactionRatings");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.DossierId).IsUnique();
        builder.HasIndex(r => new { r.CompetentUnitId, r.RatedAt });
        builder.HasIndex(r => new { r.ReceivingUnitId, r.RatedAt });
        // 766 §5.4 reads only the dislikes of a unit's dossiers ended in a period, by their lateness: from this index alone.
        builder.HasIndex(r => new { r.CompetentUnitId, r.DossierEndedAt, r.DossierLateForDvcqg }, "IX_SatisfactionRatings_Dislikes")
            .HasFilter(DislikeFilter);
        builder.Property(r => r.Comment).HasMaxLength(SatisfactionRating.MaxCommentLength);
        builder.Ignore(r => r.IsDislike);
        builder.Ignore(r => r.NeedsFollowUp);
        builder.Ignore(r => r.Index3Score);
        builder.Ignore(r => r.Index4Score);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SatisfactionRatingOfficerConfiguration : IEntityTypeConfiguration<SatisfactionRatingOfficer>
{
    public void Configure(EntityTypeBuilder<SatisfactionRatingOfficer> builder)
    {
        builder.ToTable("SatisfactionRatingOfficers");
        builder.HasKey(o => new { o.RatingId, o.OfficerId });
        builder.HasIndex(o => o.OfficerId);
        builder.HasOne<SatisfactionRating>().WithMany().HasForeignKey(o => o.RatingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RatingFollowUpConfiguration : IEntityTypeConfiguration<RatingFollowUp>
{
    public void Configure(EntityTypeBuilder<RatingFollowUp> builder)
    {
        builder.ToTable("RatingFollowUps");
        builder.HasKey(f => f.Id);
        builder.HasIndex(f => f.RatingId).IsUnique();
        builder.HasIndex(f => new { f.UnitId, f.ClosedAt, f.DueAt });
        builder.Property(f => f.Resolution).HasMaxLength(RatingFollowUp.MaxResolutionLength);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Ignore(f => f.IsOpen);
        builder.HasOne<SatisfactionRating>().WithMany().HasForeignKey(f => f.RatingId).OnDelete(DeleteBehavior.Restrict);
    }
}
