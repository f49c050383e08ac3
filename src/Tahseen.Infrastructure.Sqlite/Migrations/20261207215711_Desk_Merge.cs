using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tahseen.Infrastructure.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Desk_Merge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoTicketId",
                table: "tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MergedFromReferenceNumber",
                table: "ticket_messages",
                type: "TEXT",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MergedIntoTicketId",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "MergedFromReferenceNumber",
                table: "ticket_messages");
        }
    }
}
