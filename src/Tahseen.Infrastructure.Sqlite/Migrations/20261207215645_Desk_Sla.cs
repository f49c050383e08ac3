using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tahseen.Infrastructure.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Desk_Sla : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EscalateTime",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Escalated",
                table: "tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaAtRiskFor",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaBreachedFor",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_tickets_Escalated",
                table: "tickets",
                column: "Escalated");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_tickets_Escalated",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "EscalateTime",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "Escalated",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "SlaAtRiskFor",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "SlaBreachedFor",
                table: "tickets");
        }
    }
}
