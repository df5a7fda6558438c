using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>Per-dossier satisfaction ratings (issue 9 §1; ND 61/2018 Art. 29, 31): one rating per dossier, the staff it is
/// attributed to, and the head's follow-up of a dissatisfied one.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261207000100_SatisfactionRatings")]
public sealed class SatisfactionRatings : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SatisfactionRatings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DossierId = table.Column<Guid>(nullable: false),
                ReceivingUnitId = table.Column<Guid>(nullable: false),
                CompetentUnitId = table.Column<Guid>(nullable: false),
                Channel = table.Column<string>(nullable: false, maxLength: 40),
                Overall = table.Column<string>(nullable: false, maxLength: 40),
                TimesContacted = table.Column<int>(nullable: true),
                AgenciesContacted = table.Column<int>(nullable: true),
                StaffAttitude = table.Column<string>(nullable: true, maxLength: 40),
                UnofficialCost = table.Column<bool>(nullable: true),
                Comment = table.Column<string>(nullable: true, maxLength: 2000),
                DossierStatus = table.Column<string>(nullable: false, maxLength: 40),
                RatedAt = table.Column<DateTime>(nullable: false),
                RecordedById = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SatisfactionRatings", x => x.Id);
                table.ForeignKey("FK_SatisfactionRatings_Dossiers_DossierId", x => x.DossierId, "Dossiers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SatisfactionRatings_DossierId", "SatisfactionRatings", "DossierId", unique: true);
        migrationBuilder.CreateIndex("IX_SatisfactionRatings_CompetentUnitId_RatedAt", "SatisfactionRatings", ["CompetentUnitId", "RatedAt"]);
        migrationBuilder.CreateIndex("IX_SatisfactionRatings_ReceivingUnitId_RatedAt", "SatisfactionRatings", ["ReceivingUnitId", "RatedAt"]);

        migrationBuilder.CreateTable(
            name: "SatisfactionRatingOfficers",
            columns: table => new
            {
                RatingId = table.Column<Guid>(nullable: false),
                OfficerId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SatisfactionRatingOfficers", x => new { x.RatingId, x.OfficerId });
                table.ForeignKey("FK_SatisfactionRatingOfficers_SatisfactionRatings_RatingId", x => x.RatingId, "SatisfactionRatings", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SatisfactionRatingOfficers_OfficerId", "SatisfactionRatingOfficers", "OfficerId");

        migrationBuilder.CreateTable(
            name: "RatingFollowUps",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RatingId = table.Column<Guid>(nullable: false),
                DossierId = table.Column<Guid>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                OpenedAt = table.Column<DateTime>(nullable: false),
                DueAt = table.Column<DateTime>(nullable: false),
                ClosedAt = table.Column<DateTime>(nullable: true),
                ClosedById = table.Column<Guid>(nullable: true),
                Resolution = table.Column<string>(nullable: true, maxLength: 4000),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RatingFollowUps", x => x.Id);
                table.ForeignKey("FK_RatingFollowUps_SatisfactionRatings_RatingId", x => x.RatingId, "SatisfactionRatings", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_RatingFollowUps_RatingId", "RatingFollowUps", "RatingId", unique: true);
        migrationBuilder.CreateIndex("IX_RatingFollowUps_UnitId_ClosedAt_DueAt", "RatingFollowUps", ["UnitId", "ClosedAt", "DueAt"]);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("RatingFollowUps");
        migrationBuilder.DropTable("SatisfactionRatingOfficers");
        migrationBuilder.DropTable("SatisfactionRatings");
    }
}
