using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotCua.Persistence.Migrations;

/// <summary>The procedure catalogue: effective-dated procedure versions and their owned child tables.</summary>
/// <remarks>
/// Provider-neutral like <see cref="Initial"/> (docs/adr/0002-one-migration-set-for-two-providers.md). Child tables
/// are keyed by (ProcedureId, Position), or (ProcedureId, Order) for steps; the key order is the list order.
/// </remarks>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000002_Catalogue")]
public sealed class Catalogue : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Procedures",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(nullable: false, maxLength: 60),
                Version = table.Column<int>(nullable: false),
                ValidFrom = table.Column<DateOnly>(nullable: false),
                ValidTo = table.Column<DateOnly>(nullable: true),
                Name = table.Column<string>(nullable: false, maxLength: 500),
                SectorCode = table.Column<string>(nullable: false, maxLength: 40),
                SectorName = table.Column<string>(nullable: false, maxLength: 200),
                Level = table.Column<string>(nullable: false, maxLength: 40),
                OnlineLevel = table.Column<string>(nullable: false, maxLength: 40),
                Channels = table.Column<int>(nullable: false),
                Subjects = table.Column<int>(nullable: false),
                SubjectDescription = table.Column<string>(nullable: true, maxLength: 2000),
                AgencyName = table.Column<string>(nullable: false, maxLength: 300),
                AgencyLevel = table.Column<string>(nullable: true, maxLength: 40),
                Sequence = table.Column<string>(nullable: false),
                ProcessingTimeValue = table.Column<decimal>(nullable: false),
                ProcessingTimeUnit = table.Column<string>(nullable: false, maxLength: 40),
                ExtendedProcessingTimeValue = table.Column<decimal>(nullable: true),
                ExtendedProcessingTimeUnit = table.Column<string>(nullable: true, maxLength: 40),
                ProcessingTimeNote = table.Column<string>(nullable: true, maxLength: 2000),
                Result = table.Column<string>(nullable: false, maxLength: 2000),
                Conditions = table.Column<string>(nullable: false),
                FinancialObligation = table.Column<bool>(nullable: false),
                InterAgency = table.Column<bool>(nullable: false),
                DeadlinePolicy = table.Column<string>(nullable: false, maxLength: 40),
                SupplementPolicy = table.Column<string>(nullable: false, maxLength: 40),
                ProvenanceConfidence = table.Column<string>(nullable: false, maxLength: 40),
                ProvenanceSource = table.Column<string>(nullable: false, maxLength: 2000),
                ProvenanceCodeConfirmed = table.Column<bool>(nullable: false),
                SearchKey = table.Column<string>(nullable: false, maxLength: 1000),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Procedures", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "ProcedureDocuments",
            columns: table => new
            {
                ProcedureId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 1000),
                Copies = table.Column<int>(nullable: false),
                Forms = table.Column<int>(nullable: false),
                Template = table.Column<string>(nullable: true, maxLength: 500),
                Note = table.Column<string>(nullable: true, maxLength: 2000),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProcedureDocuments", x => new { x.ProcedureId, x.Position });
                table.ForeignKey(
                    name: "FK_ProcedureDocuments_Procedures_ProcedureId",
                    column: x => x.ProcedureId,
                    principalTable: "Procedures",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProcedureFees",
            columns: table => new
            {
                ProcedureId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 300),
                AmountVnd = table.Column<long>(nullable: false),
                Note = table.Column<string>(nullable: true, maxLength: 2000),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProcedureFees", x => new { x.ProcedureId, x.Position });
                table.ForeignKey(
                    name: "FK_ProcedureFees_Procedures_ProcedureId",
                    column: x => x.ProcedureId,
                    principalTable: "Procedures",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProcedureForms",
            columns: table => new
            {
                ProcedureId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 500),
                Reference = table.Column<string>(nullable: true, maxLength: 500),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProcedureForms", x => new { x.ProcedureId, x.Position });
                table.ForeignKey(
                    name: "FK_ProcedureForms_Procedures_ProcedureId",
                    column: x => x.ProcedureId,
                    principalTable: "Procedures",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProcedureLegalBases",
            columns: table => new
            {
                ProcedureId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Document = table.Column<string>(nullable: false, maxLength: 500),
                Provision = table.Column<string>(nullable: true, maxLength: 200),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProcedureLegalBases", x => new { x.ProcedureId, x.Position });
                table.ForeignKey(
                    name: "FK_ProcedureLegalBases_Procedures_ProcedureId",
                    column: x => x.ProcedureId,
                    principalTable: "Procedures",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProcedureSteps",
            columns: table => new
            {
                ProcedureId = table.Column<Guid>(nullable: false),
                Order = table.Column<int>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 500),
                Role = table.Column<string>(nullable: false, maxLength: 40),
                AgencyName = table.Column<string>(nullable: true, maxLength: 300),
                Slice = table.Column<decimal>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProcedureSteps", x => new { x.ProcedureId, x.Order });
                table.ForeignKey(
                    name: "FK_ProcedureSteps_Procedures_ProcedureId",
                    column: x => x.ProcedureId,
                    principalTable: "Procedures",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Procedures_Code_Version",
            table: "Procedures",
            columns: ["Code", "Version"],
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Procedures_SearchKey",
            table: "Procedures",
            column: "SearchKey");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ProcedureDocuments");
        migrationBuilder.DropTable(name: "ProcedureFees");
        migrationBuilder.DropTable(name: "ProcedureForms");
        migrationBuilder.DropTable(name: "ProcedureLegalBases");
        migrationBuilder.DropTable(name: "ProcedureSteps");
        migrationBuilder.DropTable(name: "Procedures");
    }
}
