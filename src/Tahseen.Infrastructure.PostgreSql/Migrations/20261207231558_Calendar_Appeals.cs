using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tahseen.Infrastructure.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Calendar_Appeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AppealDecideTime",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AppealDecidedByAccountId",
                table: "tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AppealDecision",
                table: "tickets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AppealDueTime",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AppealLodgeTime",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppealReason",
                table: "tickets",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HeldForReview",
                table: "tickets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "requester_limits",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmitCount = table.Column<long>(type: "bigint", nullable: false),
                    Restriction = table.Column<int>(type: "integer", nullable: true),
                    RestrictionReason = table.Column<string>(type: "text", nullable: true),
                    RestrictionExpireTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RestrictedByAccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    RestrictTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
