using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tahseen.Infrastructure.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Calendar_Appeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AppealDecideTime",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AppealDecidedByAccountId",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AppealDecision",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AppealDueTime",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AppealLodgeTime",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppealReason",
                table: "tickets",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HeldForReview",
                table: "tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "requester_limits",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmitCount = table.Column<long>(type: "INTEGER", nullable: false),
                    Restriction = table.Column<int>(type: "INTEGER", nullable: true),
                    RestrictionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RestrictionExpireTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RestrictedByAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RestrictTime = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requester_limits", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_requester_limits_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_AppealLodgeTime",
                table: "tickets",
                column: "AppealLodgeTime");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "requester_limits");

            migrationBuilder.DropIndex(
                name: "IX_tickets_AppealLodgeTime",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "AppealDecideTime",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "AppealDecidedByAccountId",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "AppealDecision",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "AppealDueTime",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "AppealLodgeTime",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "AppealReason",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "HeldForReview",
                table: "tickets");
        }
    }
}
