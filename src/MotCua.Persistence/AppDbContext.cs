using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Feedback;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Domain.Units;
using MotCua.Persistence.Administration;
using MotCua.Persistence.Conventions;
using MotCua.Persistence.DataProtection;
using MotCua.Persistence.Dossiers;
using MotCua.Persistence.Holidays;
using MotCua.Persistence.Identity;
using MotCua.Persistence.Outbox;
using MotCua.Persistence.Portal;
using MotCua.Persistence.Reports;
using MotCua.Persistence.ServiceIndex;
using MotCua.Persistence.Statistics;

namespace MotCua.Persistence;

/// <summary>The one EF Core context of MotCua, on SQLite or PostgreSQL (see <see cref="DatabaseSetup"/>).</summary>
public sealed class AppDbContext : IdentityDbContext<AppUser, AppRole, Guid>
{
    /// <summary>Longest stored enum name; enums are stored as strings.</summary>
    public const int EnumMaxLength = 40;

    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
        // A unit of work here commits whole or rolls back whole (a retry starts a new transaction), so the savepoint EF
        // wraps around SaveChanges inside an explicit transaction would only cost two more round trips.
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<OrganisationalUnit> OrganisationalUnits => Set<OrganisationalUnit>();

    public DbSet<OneStopDesk> OneStopDesks => Set<OneStopDesk>();

    public DbSet<StaffRoleAssignment> StaffRoleAssignments => Set<StaffRoleAssignment>();

    public DbSet<HolidayScheduleEntity> HolidaySchedules => Set<HolidayScheduleEntity>();

    public DbSet<HolidayScheduleDayEntity> HolidayScheduleDays => Set<HolidayScheduleDayEntity>();

    public DbSet<DataProtectionKeyEntity> DataProtectionKeys => Set<DataProtectionKeyEntity>();

    /// <summary>Procedure catalogue: every version of every procedure (see Configurations/ProcedureConfiguration).</summary>
    public DbSet<Procedure> Procedures => Set<Procedure>();

    /// <summary>Dossiers with their child tables (see Configurations/DossierConfiguration).</summary>
    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<DossierHistoryEntry> DossierHistory => Set<DossierHistoryEntry>();

    public DbSet<DossierCodeCounter> DossierCodeCounters => Set<DossierCodeCounter>();

    public DbSet<RegisterBookCounter> RegisterBookCounters => Set<RegisterBookCounter>();

    public DbSet<DossierRegisterEntry> DossierRegisterEntries => Set<DossierRegisterEntry>();

    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    public DbSet<PersonalDataAccess> PersonalDataAccessLog => Set<PersonalDataAccess>();

    public DbSet<PersonalDataAccessHead> PersonalDataAccessHeads => Set<PersonalDataAccessHead>();

    public DbSet<PublicLookupAttempt> PublicLookupAttempts => Set<PublicLookupAttempt>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Files uploaded on dossiers (metadata; the bytes are in the content store).</summary>
    public DbSet<DossierDocument> DossierDocuments => Set<DossierDocument>();

    /// <summary>The citizen portal's drafts of online submissions, with their files.</summary>
    public DbSet<SubmissionDraft> SubmissionDrafts => Set<SubmissionDraft>();

    /// <summary>The administrator area's append-only audit trail.</summary>
    public DbSet<AdminAuditEntry> AdminAudit => Set<AdminAuditEntry>();

    /// <summary>Applicants' ratings of their dossiers, one per dossier.</summary>
    public DbSet<SatisfactionRating> SatisfactionRatings => Set<SatisfactionRating>();

    /// <summary>The staff each rating is attributed to.</summary>
    public DbSet<SatisfactionRatingOfficer> SatisfactionRatingOfficers => Set<SatisfactionRatingOfficer>();

    /// <summary>Heads' follow-ups of dissatisfied ratings.</summary>
    public DbSet<RatingFollowUp> RatingFollowUps => Set<RatingFollowUp>();

    /// <summary>Dossier statistics per (unit, day or month, procedure, channel), kept by <see cref="DossierStatistics"/>.</summary>
    public DbSet<DossierDayStat> DossierDayStats => Set<DossierDayStat>();

    public DbSet<DossierStatSnapshot> DossierStatSnapshots => Set<DossierStatSnapshot>();

    public DbSet<DossierStatQueueItem> DossierStatQueue => Set<DossierStatQueueItem>();

    /// <summary>The one-row version of the statistics, raised by every change to them.</summary>
    public DbSet<StatisticsVersion> StatisticsVersions => Set<StatisticsVersion>();

    /// <summary>Recorded runs of the standard reports, with their rows and hash (domain.md §12.3).</summary>
    public DbSet<ReportRun> ReportRuns => Set<ReportRun>();

    /// <summary>766 figures imported for the indicators MotCua cannot compute (<see cref="ServiceIndexFigure"/>).</summary>
    public DbSet<ServiceIndexFigure> ServiceIndexFigures => Set<ServiceIndexFigure>();

    /// <summary>PAKN cases (issue 9 §2; ND 20/2008), with their history.</summary>
    public DbSet<PaknCase> PaknCases => Set<PaknCase>();

    public DbSet<PaknHistoryEntry> PaknHistory => Set<PaknHistoryEntry>();

    /// <summary>Readers' likes and dislikes of published PAKN answers on this portal, one per reader and case.</summary>
    public DbSet<PaknReaction> PaknReactions => Set<PaknReaction>();

    /// <summary>SIPAS survey campaigns (issue 9 §3; domain.md §9.1): questionnaire versions, campaigns with their units,
    /// invitations (hashed tokens, no dossier id) and anonymous responses.</summary>
    public DbSet<Questionnaire> SurveyQuestionnaires => Set<Questionnaire>();

    public DbSet<SurveyCampaign> SurveyCampaigns => Set<SurveyCampaign>();

    public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();

    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();

    /// <summary>PAR Index frameworks (issue 11 §1), one row per version.</summary>
    public DbSet<Domain.ParIndex.ParFramework> ParFrameworks => Set<Domain.ParIndex.ParFramework>();

    /// <summary>PAR Index self-assessments (issue 11 §2), one per (framework, unit), with their audit trail.</summary>
    public DbSet<Domain.ParIndex.ParUnitAssessment> ParAssessments => Set<Domain.ParIndex.ParUnitAssessment>();

    /// <summary>PAR Index commitments (issue 11 §5), one per (framework, unit), with their audit trail.</summary>
    public DbSet<Domain.ParIndex.ParCommitment> ParCommitments => Set<Domain.ParIndex.ParCommitment>();

    /// <summary>PAR Index appraisal (issue 11 §3): who appraises each area of a framework.</summary>
    public DbSet<Domain.ParIndex.ParAppraisalAssignment> ParAppraisalAssignments => Set<Domain.ParIndex.ParAppraisalAssignment>();

    /// <summary>PAR Index appraisal (issue 11 §3): survey figures Home Affairs imported, per (framework, unit, sub-criterion).</summary>
    public DbSet<Domain.ParIndex.ParSurveyFigure> ParSurveyFigures => Set<Domain.ParIndex.ParSurveyFigure>();

    /// <summary>PAR Index remediation plans (issue 11 §6), one per (framework, unit), with their audit trail.</summary>
    public DbSet<Domain.ParIndex.ParRemediationPlan> ParRemediationPlans => Set<Domain.ParIndex.ParRemediationPlan>();
    /// <summary>CCHC reports (issue 11 §7), one per (unit, period rule, first day, last day), with their audit trail.</summary>
    public DbSet<Domain.Reports.CchcReport> CchcReports => Set<Domain.Reports.CchcReport>();
    /// <summary>PAR Index published results (issue 11 §4), one row per publication of a framework's results.</summary>
    public DbSet<Domain.ParIndex.ParPublication> ParPublications => Set<Domain.ParIndex.ParPublication>();

    // Pinned so the schema does not follow whatever IdentityOptions the host happens to register: the hand-written
    // Initial migration creates the version-2 tables (no passkeys).
    protected override Version SchemaVersion => IdentitySchemaVersions.Version2;

    /// <inheritdoc/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        DossierStatistics.EnqueueChanged(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc/>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Every dossier change appends a history entry: queue the dossier for the statistics in the same unit of work.
        DossierStatistics.EnqueueChanged(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(EnumMaxLength);
    }
}
