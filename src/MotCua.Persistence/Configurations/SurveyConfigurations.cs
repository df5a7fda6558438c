using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Feedback.Surveys;

namespace MotCua.Persistence.Configurations;

/// <summary>One SIPAS questionnaire version per row (domain.md §9.1): the questions and the demographic items are JSON
/// arrays read only with their version, which never changes once published. (Code, Version) is unique;
/// <see cref="Questionnaire.Revision"/> is the optimistic-concurrency token of a draft's edits.</summary>
internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> builder)
    {
        builder.ToTable("SurveyQuestionnaires");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Code).HasMaxLength(Questionnaire.MaxCodeLength);
        builder.Property(q => q.Title).HasMaxLength(Questionnaire.MaxTitleLength);
        builder.Property(q => q.MethodDecision).HasMaxLength(Questionnaire.MaxMethodDecisionLength);
        builder.Property(q => q.Revision).IsConcurrencyToken();
        builder.HasIndex(q => new { q.Code, q.Version }).IsUnique();
        builder.Property(q => q.Questions)
            .HasField("_questions")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonListConversion<SurveyQuestion>.Converter(), JsonListConversion<SurveyQuestion>.Comparer());
        builder.Property(q => q.Demographics)
            .HasField("_demographics")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonListConversion<DemographicItem>.Converter(), JsonListConversion<DemographicItem>.Comparer())
            .HasMaxLength(200);
    }
}

/// <summary>A campaign and its units in scope (owned rows of <c>SurveyCampaignUnits</c>, keyed by campaign and unit, which
/// also hold the web and paper counts). Every response changes the counts and <see cref="SurveyCampaign.Version"/>, the
/// concurrency token, so concurrent submissions to one campaign are serialised by it and retried.</summary>
/// <remarks>The units come back ordered by unit id, not in the order given at creation: screens sort them by name.</remarks>
internal sealed class SurveyCampaignConfiguration : IEntityTypeConfiguration<SurveyCampaign>
{
    public void Configure(EntityTypeBuilder<SurveyCampaign> builder)
    {
        builder.ToTable("SurveyCampaigns");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(SurveyCampaign.MaxNameLength);
        builder.Property(c => c.QuestionnaireCode).HasMaxLength(Questionnaire.MaxCodeLength);
        builder.Property(c => c.MethodDecision).HasMaxLength(Questionnaire.MaxMethodDecisionLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.Year, c.Status });
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(c => c.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(c => c.Units, unit =>
        {
            unit.ToTable("SurveyCampaignUnits");
            unit.WithOwner().HasForeignKey("CampaignId");
            unit.HasKey("CampaignId", nameof(SurveyCampaignUnit.UnitId));
            unit.Property(u => u.UnitId).ValueGeneratedNever();
        });
        builder.Navigation(c => c.Units).HasField("_units").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>Invitations: the token's hash is the lookup key (unique), and the keyed dossier fingerprint is unique per
/// campaign so that a dossier is invited once; no dossier id, no contact (ND 61/2018 Art. 27(3)).</summary>
internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public const int HashLength = 64;

    public void Configure(EntityTypeBuilder<SurveyInvitation> builder)
    {
        builder.ToTable("SurveyInvitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.TokenHash).HasMaxLength(HashLength);
        builder.Property(i => i.DossierKey).HasMaxLength(HashLength);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.CampaignId, i.DossierKey }).IsUnique();
        builder.HasIndex(i => new { i.CampaignId, i.UnitId });
        builder.HasOne<SurveyCampaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Responses with their answers as one JSON array (read whole by the index calculator); no invitation, dossier
/// or staff reference, and a date rather than an instant (ND 61/2018 Art. 27(3)).</summary>
internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.ToTable("SurveyResponses");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.CampaignId, r.UnitId });
        builder.Property(r => r.Answers)
            .HasField("_answers")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonListConversion<SurveyAnswer>.Converter(), JsonListConversion<SurveyAnswer>.Comparer());
        builder.HasOne<SurveyCampaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}
