using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Tahseen.Infrastructure.Persistence;

#nullable disable

namespace Tahseen.Infrastructure.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "PausedWorkingTime",
                table: "tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "UnpausedDueTime",
                table: "tickets",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateTable(
                name: "ticket_pauses",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PausedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WorkingDuration = table.Column<long>(type: "INTEGER", nullable: true)
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

            migrationBuilder.Sql(PauseLedgerBackfill.Sqlite);
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
