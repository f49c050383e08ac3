using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Tahseen.Infrastructure.Persistence;

#nullable disable

namespace Tahseen.Infrastructure.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Calendar_Pauses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "WaitingSince",
                table: "tickets",
                newName: "PausedSince");

            migrationBuilder.AddColumn<int>(
                name: "PauseCount",
                table: "tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "PausedWorkingTime",
                table: "tickets",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UnpausedDueTime",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "ticket_pauses",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    Party = table.Column<string>(type: "text", nullable: true),
                    PausedByAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WorkingDuration = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticket_pauses", x => new { x.TicketId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_ticket_pauses_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ticket_pauses_Reason",
                table: "ticket_pauses",
                column: "Reason");

            migrationBuilder.Sql(PauseLedgerBackfill.PostgreSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ticket_pauses");

            migrationBuilder.DropColumn(
                name: "PauseCount",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "PausedWorkingTime",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "UnpausedDueTime",
                table: "tickets");

            migrationBuilder.RenameColumn(
                name: "PausedSince",
                table: "tickets",
                newName: "WaitingSince");
        }
    }
}
