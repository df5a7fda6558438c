using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>PAKN cases and their history (issue 9 §2; ND 20/2008; domain.md §10): the submitter, the deadlines with the
/// settings version they were computed with, the answer and its publication, the citizen's reaction.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261208000100_PaknCases")]
public sealed class PaknCases : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PaknCases",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TrackingCode = table.Column<string>(nullable: false, maxLength: 20),
                Kind = table.Column<string>(nullable: false, maxLength: 40),
                Channel = table.Column<string>(nullable: false, maxLength: 40),
                SubmitterFullName = table.Column<string>(nullable: false, maxLength: 300),
                SubmitterAddress = table.Column<string>(nullable: false, maxLength: 500),
                SubmitterPhone = table.Column<string>(nullable: false, maxLength: 40),
                SubmitterEmail = table.Column<string>(nullable: true, maxLength: 320),
                SubmitterAccountId = table.Column<Guid>(nullable: true),
                Subject = table.Column<string>(nullable: false, maxLength: 300),
                Content = table.Column<string>(nullable: false, maxLength: 10000),
                DossierId = table.Column<Guid>(nullable: true),
                ProcedureCode = table.Column<string>(nullable: true, maxLength: 60),
                ReceivingUnitId = table.Column<Guid>(nullable: false),
                HandlingUnitId = table.Column<Guid>(nullable: false),
                Categories = table.Column<string>(nullable: false, maxLength: 200),
                Classification = table.Column<string>(nullable: true, maxLength: 40),
                Status = table.Column<string>(nullable: false, maxLength: 40),
                SubmittedAt = table.Column<DateTime>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                TransferredInAt = table.Column<DateTime>(nullable: true),
                ClockStartedAt = table.Column<DateTime>(nullable: false),
                DeadlineClockStartedAt = table.Column<DateTime>(nullable: false),
                RefusalDueAt = table.Column<DateTime>(nullable: false),
                FirstSupplementDueAt = table.Column<DateTime>(nullable: false),
                ForwardDueAt = table.Column<DateTime>(nullable: false),
                HandlingDueAt = table.Column<DateTime>(nullable: false),
                DeadlineSettingsFrom = table.Column<DateOnly>(nullable: false),
                DeadlineSettingsSource = table.Column<string>(nullable: false, maxLength: 300),
                DeadlineSettingsVerified = table.Column<bool>(nullable: false),
                RefusalWorkingDays = table.Column<int>(nullable: false),
                FirstSupplementWorkingDays = table.Column<int>(nullable: false),
                HandlingWorkingDays = table.Column<int>(nullable: false),
                PublicationWorkingDays = table.Column<int>(nullable: false),
                ForwardWorkingDays = table.Column<int>(nullable: false),
                ClassifiedAt = table.Column<DateTime>(nullable: true),
                SupplementRequestedFrom = table.Column<string>(nullable: true, maxLength: 40),
                PendingSupplementRequest = table.Column<string>(nullable: true, maxLength: 2000),
                FirstSupplementRequestedAt = table.Column<DateTime>(nullable: true),
                RefusalReason = table.Column<string>(nullable: true, maxLength: 2000),
                ForwardedToName = table.Column<string>(nullable: true, maxLength: 300),
                ForwardedToUnitId = table.Column<Guid>(nullable: true),
                ClosedAt = table.Column<DateTime>(nullable: true),
                Review = table.Column<string>(nullable: false),
                AnswerText = table.Column<string>(nullable: true, maxLength: 20000),
                DecisionForm = table.Column<string>(nullable: true, maxLength: 40),
                DecidedAt = table.Column<DateTime>(nullable: true),
                DecidedById = table.Column<Guid>(nullable: true),
                HandlingCompletedAt = table.Column<DateTime>(nullable: true),
                PublicationDueAt = table.Column<DateTime>(nullable: true),
                PublishedAnswer = table.Column<string>(nullable: true, maxLength: 20000),
                PublicationChannels = table.Column<string>(nullable: false, maxLength: 200),
                PublishedAt = table.Column<DateTime>(nullable: true),
                Likes = table.Column<int>(nullable: false),
                Dislikes = table.Column<int>(nullable: false),
                SubmitterSatisfied = table.Column<bool>(nullable: true),
                SubmitterReply = table.Column<string>(nullable: true, maxLength: 2000),
                ReopenCount = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PaknCases", x => x.Id));
        migrationBuilder.CreateIndex("IX_PaknCases_TrackingCode", "PaknCases", "TrackingCode", unique: true);
        migrationBuilder.CreateIndex("IX_PaknCases_HandlingUnitId_Status_SubmittedAt", "PaknCases", ["HandlingUnitId", "Status", "SubmittedAt"]);
        migrationBuilder.CreateIndex("IX_PaknCases_ReceivingUnitId_Status_SubmittedAt", "PaknCases", ["ReceivingUnitId", "Status", "SubmittedAt"]);
        migrationBuilder.CreateIndex("IX_PaknCases_Status_PublishedAt", "PaknCases", ["Status", "PublishedAt"]);
        migrationBuilder.CreateIndex("IX_PaknCases_DossierId", "PaknCases", "DossierId");

        migrationBuilder.CreateTable(
            name: "PaknHistory",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CaseId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                ActorId = table.Column<Guid>(nullable: true),
                ActorRole = table.Column<string>(nullable: false, maxLength: 40),
                Trigger = table.Column<string>(nullable: false, maxLength: 40),
                From = table.Column<string>(nullable: true, maxLength: 40),
                To = table.Column<string>(nullable: false, maxLength: 40),
                Note = table.Column<string>(nullable: true, maxLength: 2000),
                Detail = table.Column<string>(nullable: true),
                ClockStartedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PaknHistory", x => x.Id);
                table.ForeignKey("FK_PaknHistory_PaknCases_CaseId", x => x.CaseId, "PaknCases", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PaknHistory_CaseId_Sequence", "PaknHistory", ["CaseId", "Sequence"], unique: true);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PaknHistory");
        migrationBuilder.DropTable("PaknCases");
    }
}
