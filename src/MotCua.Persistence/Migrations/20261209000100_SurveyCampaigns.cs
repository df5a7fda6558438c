using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>SIPAS survey campaigns (issue 9 §3; domain.md §9.1): questionnaire versions, campaigns with their units and
/// quotas, invitations (the token's hash and a keyed dossier fingerprint, never the dossier id) and anonymous responses
/// (no invitation, dossier or staff reference; a date, not an instant: ND 61/2018 Art. 27(3)).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261209000100_SurveyCampaigns")]
public sealed class SurveyCampaigns : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SurveyQuestionnaires",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(nullable: false, maxLength: 32),
                Version = table.Column<int>(nullable: false),
                Title = table.Column<string>(nullable: false, maxLength: 300),
                MethodDecision = table.Column<string>(nullable: false, maxLength: 200),
                Status = table.Column<string>(nullable: false, maxLength: 40),
                CopiedFromVersion = table.Column<int>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                PublishedAt = table.Column<DateTime>(nullable: true),
                Revision = table.Column<int>(nullable: false),
                Questions = table.Column<string>(nullable: false),
                Demographics = table.Column<string>(nullable: false, maxLength: 200),
            },
            constraints: table => table.PrimaryKey("PK_SurveyQuestionnaires", x => x.Id));
        migrationBuilder.CreateIndex("IX_SurveyQuestionnaires_Code_Version", "SurveyQuestionnaires", ["Code", "Version"], unique: true);

        migrationBuilder.CreateTable(
            name: "SurveyCampaigns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 300),
                Level = table.Column<string>(nullable: false, maxLength: 40),
                QuestionnaireId = table.Column<Guid>(nullable: false),
                QuestionnaireCode = table.Column<string>(nullable: false, maxLength: 32),
                QuestionnaireVersion = table.Column<int>(nullable: false),
                MethodDecision = table.Column<string>(nullable: false, maxLength: 200),
                ServedFrom = table.Column<DateOnly>(nullable: false),
                ServedTo = table.Column<DateOnly>(nullable: false),
                CollectFrom = table.Column<DateOnly>(nullable: false),
                CollectTo = table.Column<DateOnly>(nullable: false),
                OverallRule = table.Column<string>(nullable: false, maxLength: 40),
                FactorRule = table.Column<string>(nullable: false, maxLength: 40),
                MinCellSize = table.Column<int>(nullable: false),
                Status = table.Column<string>(nullable: false, maxLength: 40),
                SamplingSeed = table.Column<long>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                SamplingStartedAt = table.Column<DateTime>(nullable: true),
                CollectingStartedAt = table.Column<DateTime>(nullable: true),
                ClosedAt = table.Column<DateTime>(nullable: true),
                PublishedAt = table.Column<DateTime>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SurveyCampaigns", x => x.Id);
                table.ForeignKey("FK_SurveyCampaigns_SurveyQuestionnaires_QuestionnaireId", x => x.QuestionnaireId, "SurveyQuestionnaires", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SurveyCampaigns_QuestionnaireId", "SurveyCampaigns", "QuestionnaireId");
        migrationBuilder.CreateIndex("IX_SurveyCampaigns_Year_Status", "SurveyCampaigns", ["Year", "Status"]);

        migrationBuilder.CreateTable(
            name: "SurveyCampaignUnits",
            columns: table => new
            {
                CampaignId = table.Column<Guid>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                Quota = table.Column<int>(nullable: false),
                WebResponses = table.Column<int>(nullable: false),
                PaperResponses = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SurveyCampaignUnits", x => new { x.CampaignId, x.UnitId });
                table.ForeignKey("FK_SurveyCampaignUnits_SurveyCampaigns_CampaignId", x => x.CampaignId, "SurveyCampaigns", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SurveyInvitations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CampaignId = table.Column<Guid>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                TokenHash = table.Column<string>(nullable: false, maxLength: 64),
                DossierKey = table.Column<string>(nullable: false, maxLength: 64),
                IssuedOn = table.Column<DateOnly>(nullable: false),
                IsUsed = table.Column<bool>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SurveyInvitations", x => x.Id);
                table.ForeignKey("FK_SurveyInvitations_SurveyCampaigns_CampaignId", x => x.CampaignId, "SurveyCampaigns", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SurveyInvitations_TokenHash", "SurveyInvitations", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_SurveyInvitations_CampaignId_DossierKey", "SurveyInvitations", ["CampaignId", "DossierKey"], unique: true);
        migrationBuilder.CreateIndex("IX_SurveyInvitations_CampaignId_UnitId", "SurveyInvitations", ["CampaignId", "UnitId"]);

        migrationBuilder.CreateTable(
            name: "SurveyResponses",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CampaignId = table.Column<Guid>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                QuestionnaireId = table.Column<Guid>(nullable: false),
                Channel = table.Column<string>(nullable: false, maxLength: 40),
                CollectedOn = table.Column<DateOnly>(nullable: false),
                AgeBand = table.Column<string>(nullable: true, maxLength: 40),
                Gender = table.Column<string>(nullable: true, maxLength: 40),
                EthnicMinority = table.Column<bool>(nullable: true),
                Disability = table.Column<bool>(nullable: true),
                Answers = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SurveyResponses", x => x.Id);
                table.ForeignKey("FK_SurveyResponses_SurveyCampaigns_CampaignId", x => x.CampaignId, "SurveyCampaigns", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SurveyResponses_CampaignId_UnitId", "SurveyResponses", ["CampaignId", "UnitId"]);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SurveyResponses");
        migrationBuilder.DropTable("SurveyInvitations");
        migrationBuilder.DropTable("SurveyCampaignUnits");
        migrationBuilder.DropTable("SurveyCampaigns");
        migrationBuilder.DropTable("SurveyQuestionnaires");
    }
}
