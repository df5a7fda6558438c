using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Feedback.Pakn;

namespace MotCua.Persistence.Configurations;

/// <summary>Maps the <see cref="PaknCase"/> aggregate (issue 9 §2): the submitter and the deadlines (with the settings
/// version they were computed with) are columns of <c>PaknCases</c>; the Art. 5 contents, the publication channels and
/// the six-criteria review are small JSON arrays read only with their case; the history is a child table.
/// <see cref="PaknCase.Version"/> is the optimistic-concurrency token; the tracking code is unique (a clash on insert
/// draws a new code).</summary>
internal sealed class PaknCaseConfiguration : IEntityTypeConfiguration<PaknCase>
{
    public const int TrackingCodeMaxLength = 20;

    /// <summary>The unique index on the source's identifier covers imported cases only (quoted: valid on both providers).</summary>
    internal const string ExternalIdFilter = "\"ExternalId\" IS NOT NULL";

    public void Configure(EntityTypeBuilder<PaknCase> builder)
    {
        builder.ToTable("PaknCases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.TrackingCode)
            .HasConversion(code => code.Format(), text => PaknTrackingCode.Parse(text).Value)
            .HasMaxLength(TrackingCodeMaxLength);
        builder.HasIndex(c => c.TrackingCode).IsUnique();
        builder.Property(c => c.ProcedureCode)
            .HasConversion(new ValueConverter<ProcedureCode, string>(code => code.Value, text => new ProcedureCode(text)))
            .HasMaxLength(ProcedureConfiguration.CodeMaxLength);
        builder.Property(c => c.Subject).HasMaxLength(PaknFieldLimits.Subject);
        builder.Property(c => c.Content).HasMaxLength(PaknFieldLimits.Content);
        builder.Property(c => c.PendingSupplementRequest).HasMaxLength(PaknFieldLimits.Reason);
        builder.Property(c => c.RefusalReason).HasMaxLength(PaknFieldLimits.Reason);
        builder.Property(c => c.ForwardedToName).HasMaxLength(PaknFieldLimits.BodyName);
        builder.Property(c => c.AnswerText).HasMaxLength(PaknFieldLimits.Answer);
        builder.Property(c => c.PublishedAnswer).HasMaxLength(PaknFieldLimits.Answer);
        builder.Property(c => c.SubmitterReply).HasMaxLength(PaknFieldLimits.Reason);
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.ComplexProperty(c => c.Submitter, s =>
        {
            s.Property(x => x.FullName).HasColumnName("SubmitterFullName").HasMaxLength(PaknFieldLimits.SubmitterName);
            s.Property(x => x.Address).HasColumnName("SubmitterAddress").HasMaxLength(PaknFieldLimits.SubmitterAddress);
            s.Property(x => x.Phone).HasColumnName("SubmitterPhone").HasMaxLength(PaknFieldLimits.SubmitterPhone);
            s.Property(x => x.Email).HasColumnName("SubmitterEmail").HasMaxLength(PaknFieldLimits.SubmitterEmail);
            s.Property(x => x.AccountId).HasColumnName("SubmitterAccountId");
        });
        builder.ComplexProperty(c => c.Deadlines, d =>
        {
            d.Property(x => x.ClockStartedAtUtc).HasColumnName("DeadlineClockStartedAt");
            d.Property(x => x.RefusalDueAtUtc).HasColumnName("RefusalDueAt");
            d.Property(x => x.FirstSupplementDueAtUtc).HasColumnName("FirstSupplementDueAt");
            d.Property(x => x.ForwardDueAtUtc).HasColumnName("ForwardDueAt");
            d.Property(x => x.HandlingDueAtUtc).HasColumnName("HandlingDueAt");
            d.ComplexProperty(x => x.Settings, s =>
            {
                s.Property(x => x.EffectiveFrom).HasColumnName("DeadlineSettingsFrom");
                s.Property(x => x.Source).HasColumnName("DeadlineSettingsSource").HasMaxLength(PaknFieldLimits.BodyName);
                s.Property(x => x.Verified).HasColumnName("DeadlineSettingsVerified");
                s.Property(x => x.RefusalWorkingDays).HasColumnName("RefusalWorkingDays");
                s.Property(x => x.FirstSupplementWorkingDays).HasColumnName("FirstSupplementWorkingDays");
                s.Property(x => x.HandlingWorkingDays).HasColumnName("HandlingWorkingDays");
                s.Property(x => x.PublicationWorkingDays).HasColumnName("PublicationWorkingDays");
                s.Property(x => x.ForwardWorkingDays).HasColumnName("ForwardWorkingDays");
            });
        });

        builder.Property(c => c.Categories)
            .HasField("_categories")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonListConversion<PaknContentCategory>.Converter(), JsonListConversion<PaknContentCategory>.Comparer())
            .HasMaxLength(200);
        builder.Property(c => c.PublicationChannels)
            .HasField("_publicationChannels")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonListConversion<PaknPublicationChannel>.Converter(), JsonListConversion<PaknPublicationChannel>.Comparer())
            .HasMaxLength(200);
        builder.Property(c => c.Review)
            .HasField("_review")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonListConversion<PaknReviewItem>.Converter(), JsonListConversion<PaknReviewItem>.Comparer());

        // The work list: a unit's cases by state, due soonest first; the public list of published answers; the rates.
        builder.HasIndex(c => new { c.HandlingUnitId, c.Status, c.SubmittedAt });
        builder.HasIndex(c => new { c.ReceivingUnitId, c.Status, c.SubmittedAt });
        builder.HasIndex(c => new { c.Status, c.PublishedAt });
        builder.HasIndex(c => c.DossierId);
        builder.Property(c => c.ExternalId).HasMaxLength(PaknFieldLimits.ExternalId);
        // An imported case is found again by its source's identifier (re-importing a file adds nothing).
        builder.HasIndex(c => c.ExternalId).IsUnique().HasFilter(ExternalIdFilter);

        builder.HasMany(c => c.History).WithOne().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>The PAKN history: append-only, one row per trigger, in sequence.</summary>
internal sealed class PaknHistoryEntryConfiguration : IEntityTypeConfiguration<PaknHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PaknHistoryEntry> builder)
    {
        builder.ToTable("PaknHistory");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasIndex(h => new { h.CaseId, h.Sequence }).IsUnique();
        builder.Property(h => h.Note).HasMaxLength(PaknFieldLimits.Note);
    }
}

/// <summary>Readers' likes and dislikes of published answers on this portal: one row per reader and case (unique), so a
/// reader changes their reaction instead of adding one; counted per case with the unique index's leading column.</summary>
internal sealed class PaknReactionConfiguration : IEntityTypeConfiguration<PaknReaction>
{
    public void Configure(EntityTypeBuilder<PaknReaction> builder)
    {
        builder.ToTable("PaknReactions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ReaderKey).HasMaxLength(PaknReaction.ReaderKeyMaxLength);
        builder.HasIndex(r => new { r.CaseId, r.ReaderKey }).IsUnique();
        builder.HasOne<PaknCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
