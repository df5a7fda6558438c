using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MotCua.Persistence.Configurations;

namespace MotCua.Persistence.Migrations;

/// <summary>The transactional outbox of notifications (docs/adr/0002-one-migration-set-for-two-providers.md).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000004_Outbox")]
public sealed class OutboxMessages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                IdempotencyKey = table.Column<string>(nullable: false, maxLength: 200),
                Channel = table.Column<string>(nullable: false, maxLength: 40),
                Recipient = table.Column<string>(nullable: false, maxLength: 320),
                Subject = table.Column<string>(nullable: false, maxLength: 998),
                TextBody = table.Column<string>(nullable: false),
                HtmlBody = table.Column<string>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                AvailableAt = table.Column<DateTime>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                LockedBy = table.Column<string>(nullable: true, maxLength: 200),
                LockedUntil = table.Column<DateTime>(nullable: true),
                SentAt = table.Column<DateTime>(nullable: true),
                MessageId = table.Column<string>(nullable: true, maxLength: 500),
                LastError = table.Column<string>(nullable: true, maxLength: 500),
                DeadLetteredAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OutboxMessages", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_OutboxMessages_IdempotencyKey",
            table: "OutboxMessages",
            column: "IdempotencyKey",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_OutboxMessages_AvailableAt",
            table: "OutboxMessages",
            column: "AvailableAt",
            filter: OutboxMessageConfiguration.PendingFilter);

        migrationBuilder.CreateIndex(
            name: "IX_OutboxMessages_DeadLetteredAt",
            table: "OutboxMessages",
            column: "DeadLetteredAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "OutboxMessages");
    }
}
