using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tahseen.Infrastructure.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Desk_Sla : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EscalateTime",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Escalated",
                table: "tickets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SlaAtRiskFor",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SlaBreachedFor",
                table: "tickets",
                type: "timestamp with time zone",
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
