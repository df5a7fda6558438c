using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace MotCua.Persistence.Migrations;

/// <summary>Dossiers with their child tables and append-only history; numbering counters; idempotency keys; the log
/// of staff reads of personal data.</summary>
/// <remarks>Provider-neutral like <see cref="Initial"/> (docs/adr/0002-one-migration-set-for-two-providers.md).</remarks>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000003_Dossiers")]
public sealed class Dossiers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Dossiers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(nullable: true, maxLength: 40),
                ProcedureId = table.Column<Guid>(nullable: false),
                ProcedureVersion = table.Column<int>(nullable: false),
                ReceivingUnitId = table.Column<Guid>(nullable: false),
                CompetentUnitId = table.Column<Guid>(nullable: false),
                Channel = table.Column<string>(nullable: false, maxLength: 40),
                ApplicantFullName = table.Column<string>(nullable: false, maxLength: 300),
                ApplicantIdentityNumber = table.Column<string>(nullable: true, maxLength: 40),
                ApplicantPhone = table.Column<string>(nullable: true, maxLength: 40),
                ApplicantEmail = table.Column<string>(nullable: true, maxLength: 320),
                ApplicantAddress = table.Column<string>(nullable: true, maxLength: 500),
                Status = table.Column<string>(nullable: false, maxLength: 40),
                AssignedOfficerId = table.Column<Guid>(nullable: true),
                SubmittedAt = table.Column<DateTime>(nullable: false),
                ReceivedAt = table.Column<DateTime>(nullable: true),
                ClockStartedAt = table.Column<DateTime>(nullable: true),
                TimeLimitValue = table.Column<decimal>(nullable: false),
                TimeLimitUnit = table.Column<string>(nullable: false, maxLength: 40),
                DeadlinePolicy = table.Column<string>(nullable: false, maxLength: 40),
                SupplementPolicy = table.Column<string>(nullable: false, maxLength: 40),
                FinancialObligationPausesClock = table.Column<bool>(nullable: false),
                CalendarVersion = table.Column<string>(nullable: false, maxLength: 80),
                OriginalAppointmentAt = table.Column<DateTime>(nullable: true),
                CurrentAppointmentAt = table.Column<DateTime>(nullable: true),
                ProcessingEndedAt = table.Column<DateTime>(nullable: true),
                ReturnedAt = table.Column<DateTime>(nullable: true),
                ExtensionCount = table.Column<int>(nullable: false),
                ApologyReason = table.Column<string>(nullable: true, maxLength: 2000),
                ApologyPreviousAppointmentAt = table.Column<DateTime>(nullable: true),
                ApologyNewAppointmentAt = table.Column<DateTime>(nullable: true),
                ApologySignerName = table.Column<string>(nullable: true, maxLength: 300),
                ApologyIssuedAt = table.Column<DateTime>(nullable: true),
                ApologyIssuedLate = table.Column<bool>(nullable: true),
                FinancialObligationAmountVnd = table.Column<decimal>(nullable: true),
                FinancialObligationDescription = table.Column<string>(nullable: true, maxLength: 1000),
                FinancialObligationRequestedAt = table.Column<DateTime>(nullable: true),
                FinancialObligationPaidAt = table.Column<DateTime>(nullable: true),
                FinancialObligationReceiptNumber = table.Column<string>(nullable: true, maxLength: 100),
                MarkedLateByRepeatedSupplement = table.Column<bool>(nullable: false),
                InterAgencySentAt = table.Column<DateTime>(nullable: true),
                Version = table.Column<int>(nullable: false),
                HistoryHash = table.Column<string>(nullable: false, maxLength: 64),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Dossiers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "DossierSupplements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DossierId = table.Column<Guid>(nullable: false),
                Stage = table.Column<string>(nullable: false, maxLength: 40),
                RequestedAt = table.Column<DateTime>(nullable: false),
                Reason = table.Column<string>(nullable: false, maxLength: 2000),
                Items = table.Column<string>(nullable: false),
                CompletedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DossierSupplements", x => x.Id);
                table.ForeignKey("FK_DossierSupplements_Dossiers_DossierId", x => x.DossierId, "Dossiers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DossierSteps",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DossierId = table.Column<Guid>(nullable: false),
                Index = table.Column<int>(nullable: false),
                Kind = table.Column<string>(nullable: false, maxLength: 40),
                FromUnitId = table.Column<Guid>(nullable: true),
                ToUnitId = table.Column<Guid>(nullable: true),
                AgencyName = table.Column<string>(nullable: true, maxLength: 300),
                Slice = table.Column<decimal>(nullable: true),
                HandedOverAt = table.Column<DateTime>(nullable: true),
                Deadline = table.Column<DateTime>(nullable: true),
                CompletedAt = table.Column<DateTime>(nullable: true),
                Result = table.Column<string>(nullable: true, maxLength: 40),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DossierSteps", x => x.Id);
                table.ForeignKey("FK_DossierSteps_Dossiers_DossierId", x => x.DossierId, "Dossiers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DossierConsultations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DossierId = table.Column<Guid>(nullable: false),
                AgencyName = table.Column<string>(nullable: false, maxLength: 300),
                RequestedAt = table.Column<DateTime>(nullable: false),
                OpinionDeadline = table.Column<DateTime>(nullable: false),
                AnsweredAt = table.Column<DateTime>(nullable: true),
                Opinion = table.Column<string>(nullable: true, maxLength: 4000),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DossierConsultations", x => x.Id);
                table.ForeignKey("FK_DossierConsultations_Dossiers_DossierId", x => x.DossierId, "Dossiers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DossierHistory",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DossierId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                ActorId = table.Column<Guid>(nullable: true),
                ActorRole = table.Column<string>(nullable: false, maxLength: 40),
                From = table.Column<string>(nullable: true, maxLength: 40),
                To = table.Column<string>(nullable: false, maxLength: 40),
                Trigger = table.Column<string>(nullable: false, maxLength: 40),
                Note = table.Column<string>(nullable: true, maxLength: 4000),
                Data = table.Column<string>(nullable: true),
                OriginalAppointmentAt = table.Column<DateTime>(nullable: true),
                CurrentAppointmentAt = table.Column<DateTime>(nullable: true),
                PreviousHash = table.Column<string>(nullable: false, maxLength: 64),
                Hash = table.Column<string>(nullable: false, maxLength: 64),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DossierHistory", x => x.Id);
                table.ForeignKey("FK_DossierHistory_Dossiers_DossierId", x => x.DossierId, "Dossiers", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "DossierCodeCounters",
            columns: table => new
            {
                UnitId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                LastSequence = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DossierCodeCounters", x => new { x.UnitId, x.Date });
            });

        migrationBuilder.CreateTable(
            name: "RegisterBookCounters",
            columns: table => new
            {
                DeskId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                LastNumber = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RegisterBookCounters", x => new { x.DeskId, x.Year });
            });

        migrationBuilder.CreateTable(
            name: "DossierRegisterEntries",
            columns: table => new
            {
                DossierId = table.Column<Guid>(nullable: false),
                DeskId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DossierRegisterEntries", x => x.DossierId);
                table.ForeignKey("FK_DossierRegisterEntries_Dossiers_DossierId", x => x.DossierId, "Dossiers", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "IdempotencyKeys",
            columns: table => new
            {
                CallerId = table.Column<string>(nullable: false, maxLength: 100),
                Key = table.Column<string>(nullable: false, maxLength: 200),
                RequestHash = table.Column<string>(nullable: false, maxLength: 64),
                DossierId = table.Column<Guid>(nullable: false),
                StatusCode = table.Column<int>(nullable: false),
                ResponseBody = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IdempotencyKeys", x => new { x.CallerId, x.Key });
            });

        migrationBuilder.CreateTable(
            name: "PersonalDataAccessLog",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<Guid>(nullable: false),
                DossierId = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Purpose = table.Column<string>(nullable: false, maxLength: 100),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonalDataAccessLog", x => x.Id);
            });

        migrationBuilder.CreateIndex("IX_Dossiers_Code", "Dossiers", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_Dossiers_ReceivingUnitId_Status", "Dossiers", ["ReceivingUnitId", "Status"]);
        migrationBuilder.CreateIndex("IX_Dossiers_CompetentUnitId_Status", "Dossiers", ["CompetentUnitId", "Status"]);
        migrationBuilder.CreateIndex("IX_Dossiers_ProcedureId", "Dossiers", "ProcedureId");
        migrationBuilder.CreateIndex("IX_Dossiers_ReceivedAt_Id", "Dossiers", ["ReceivedAt", "Id"]);
        migrationBuilder.CreateIndex("IX_Dossiers_CurrentAppointmentAt", "Dossiers", "CurrentAppointmentAt");
        migrationBuilder.CreateIndex("IX_DossierSupplements_DossierId", "DossierSupplements", "DossierId");
        migrationBuilder.CreateIndex("IX_DossierSteps_DossierId", "DossierSteps", "DossierId");
        migrationBuilder.CreateIndex("IX_DossierConsultations_DossierId", "DossierConsultations", "DossierId");
        migrationBuilder.CreateIndex("IX_DossierHistory_DossierId_Sequence", "DossierHistory", ["DossierId", "Sequence"], unique: true);
        migrationBuilder.CreateIndex("IX_DossierRegisterEntries_DeskId_Year_Number", "DossierRegisterEntries", ["DeskId", "Year", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_IdempotencyKeys_CreatedAt", "IdempotencyKeys", "CreatedAt");
        migrationBuilder.CreateIndex("IX_PersonalDataAccessLog_DossierId", "PersonalDataAccessLog", "DossierId");
        migrationBuilder.CreateIndex("IX_PersonalDataAccessLog_UserId_At", "PersonalDataAccessLog", ["UserId", "At"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PersonalDataAccessLog");
        migrationBuilder.DropTable(name: "IdempotencyKeys");
        migrationBuilder.DropTable(name: "DossierRegisterEntries");
        migrationBuilder.DropTable(name: "RegisterBookCounters");
        migrationBuilder.DropTable(name: "DossierCodeCounters");
        migrationBuilder.DropTable(name: "DossierHistory");
        migrationBuilder.DropTable(name: "DossierConsultations");
        migrationBuilder.DropTable(name: "DossierSteps");
        migrationBuilder.DropTable(name: "DossierSupplements");
        migrationBuilder.DropTable(name: "Dossiers");
    }
}
