using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace MotCua.Persistence.Migrations;

/// <summary>Identity, data-protection keys, organisational units, one-stop desks, staff role assignments and holiday schedules.</summary>
/// <remarks>
/// One provider-neutral migration for SQLite and PostgreSQL (docs/adr/0002-one-migration-set-for-two-providers.md):
/// column types are left to each provider's type mapping, and identity columns carry both providers' annotations.
/// </remarks>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: true, maxLength: 256),
                NormalizedName = table.Column<string>(nullable: true, maxLength: 256),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FullName = table.Column<string>(nullable: false, maxLength: 200),
                UserName = table.Column<string>(nullable: true, maxLength: 256),
                NormalizedUserName = table.Column<string>(nullable: true, maxLength: 256),
                Email = table.Column<string>(nullable: true, maxLength: 256),
                NormalizedEmail = table.Column<string>(nullable: true, maxLength: 256),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = table.Column<string>(nullable: true, maxLength: 200),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "HolidaySchedules",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                SourceDocument = table.Column<string>(nullable: false, maxLength: 500),
                Confirmed = table.Column<bool>(nullable: false),
                Note = table.Column<string>(nullable: true, maxLength: 2000),
                ImportedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_HolidaySchedules", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "OrganisationalUnits",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 300),
                ShortName = table.Column<string>(nullable: true, maxLength: 100),
                Level = table.Column<string>(nullable: false, maxLength: 40),
                IdentifierCode = table.Column<string>(nullable: false, maxLength: 13),
                ParentId = table.Column<Guid>(nullable: true),
                ValidFrom = table.Column<DateOnly>(nullable: false),
                ValidTo = table.Column<DateOnly>(nullable: true),
                SuccessorUnitId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OrganisationalUnits", x => x.Id);
                table.ForeignKey(
                    name: "FK_OrganisationalUnits_OrganisationalUnits_ParentId",
                    column: x => x.ParentId,
                    principalTable: "OrganisationalUnits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_OrganisationalUnits_OrganisationalUnits_SuccessorUnitId",
                    column: x => x.SuccessorUnitId,
                    principalTable: "OrganisationalUnits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RoleId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                RoleId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "HolidayScheduleDays",
            columns: table => new
            {
                ScheduleId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Kind = table.Column<string>(nullable: false, maxLength: 40),
                Description = table.Column<string>(nullable: false, maxLength: 300),
                Source = table.Column<string>(nullable: true, maxLength: 500),
                Confirmed = table.Column<bool>(nullable: false),
                Note = table.Column<string>(nullable: true, maxLength: 2000),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_HolidayScheduleDays", x => new { x.ScheduleId, x.Date });
                table.ForeignKey(
                    name: "FK_HolidayScheduleDays_HolidaySchedules_ScheduleId",
                    column: x => x.ScheduleId,
                    principalTable: "HolidaySchedules",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OneStopDesks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false, maxLength: 300),
                Kind = table.Column<string>(nullable: false, maxLength: 40),
                SameDayCutoff = table.Column<TimeOnly>(nullable: false),
                ValidFrom = table.Column<DateOnly>(nullable: false),
                ValidTo = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OneStopDesks", x => x.Id);
                table.ForeignKey(
                    name: "FK_OneStopDesks_OrganisationalUnits_UnitId",
                    column: x => x.UnitId,
                    principalTable: "OrganisationalUnits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "StaffRoleAssignments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Role = table.Column<string>(nullable: false, maxLength: 40),
                UnitId = table.Column<Guid>(nullable: false),
                IncludeDescendants = table.Column<bool>(nullable: false),
                ValidFrom = table.Column<DateOnly>(nullable: false),
                ValidTo = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StaffRoleAssignments", x => x.Id);
                table.ForeignKey(
                    name: "FK_StaffRoleAssignments_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_StaffRoleAssignments_OrganisationalUnits_UnitId",
                    column: x => x.UnitId,
                    principalTable: "OrganisationalUnits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "DeskWorkSessions",
            columns: table => new
            {
                DayOfWeek = table.Column<string>(nullable: false, maxLength: 40),
                Start = table.Column<TimeOnly>(nullable: false),
                DeskId = table.Column<Guid>(nullable: false),
                End = table.Column<TimeOnly>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DeskWorkSessions", x => new { x.DeskId, x.DayOfWeek, x.Start });
                table.ForeignKey(
                    name: "FK_DeskWorkSessions_OneStopDesks_DeskId",
                    column: x => x.DeskId,
                    principalTable: "OneStopDesks",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AspNetRoleClaims_RoleId",
            table: "AspNetRoleClaims",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "RoleNameIndex",
            table: "AspNetRoles",
            column: "NormalizedName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserClaims_UserId",
            table: "AspNetUserClaims",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserLogins_UserId",
            table: "AspNetUserLogins",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserRoles_RoleId",
            table: "AspNetUserRoles",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "EmailIndex",
            table: "AspNetUsers",
            column: "NormalizedEmail",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "UserNameIndex",
            table: "AspNetUsers",
            column: "NormalizedUserName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_HolidaySchedules_Year",
            table: "HolidaySchedules",
            column: "Year",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_OneStopDesks_UnitId",
            table: "OneStopDesks",
            column: "UnitId");

        migrationBuilder.CreateIndex(
            name: "IX_OrganisationalUnits_IdentifierCode",
            table: "OrganisationalUnits",
            column: "IdentifierCode",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_OrganisationalUnits_ParentId",
            table: "OrganisationalUnits",
            column: "ParentId");

        migrationBuilder.CreateIndex(
            name: "IX_OrganisationalUnits_SuccessorUnitId",
            table: "OrganisationalUnits",
            column: "SuccessorUnitId");

        migrationBuilder.CreateIndex(
            name: "IX_StaffRoleAssignments_UnitId",
            table: "StaffRoleAssignments",
            column: "UnitId");

        migrationBuilder.CreateIndex(
            name: "IX_StaffRoleAssignments_UserId",
            table: "StaffRoleAssignments",
            column: "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "DeskWorkSessions");
        migrationBuilder.DropTable(name: "StaffRoleAssignments");
        migrationBuilder.DropTable(name: "OneStopDesks");
        migrationBuilder.DropTable(name: "HolidayScheduleDays");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "OrganisationalUnits");
        migrationBuilder.DropTable(name: "HolidaySchedules");
        migrationBuilder.DropTable(name: "DataProtectionKeys");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "AspNetRoles");
    }
}
