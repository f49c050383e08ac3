using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Tahseen.Infrastructure.Persistence;

#nullable disable

namespace Tahseen.Infrastructure.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Desk_Lifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ClosureReason",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FollowUpDate",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Outcome",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_tickets_Status_FollowUpDate",
                table: "tickets",
                columns: new[] { "Status", "FollowUpDate" });

            migrationBuilder.Sql(DeskLifecycleBackfill.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_tickets_Status_FollowUpDate",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "ClosureReason",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "FollowUpDate",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "tickets");
        }
    }
}
