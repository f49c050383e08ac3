using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tahseen.Infrastructure.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Desk_CannedResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CannedResponseId",
                table: "ticket_messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreferredLanguage",
                table: "accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // Language.Arabic: every existing account reads Arabic until its holder chooses

            migrationBuilder.CreateTable(
                name: "canned_responses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Type = table.Column<int>(type: "INTEGER", nullable: true),
                    TitleAr = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    BodyAr = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    BodyEn = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_canned_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_canned_responses_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ticket_messages_CannedResponseId",
                table: "ticket_messages",
                column: "CannedResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_canned_responses_Active_CategoryId_Type",
                table: "canned_responses",
                columns: new[] { "Active", "CategoryId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_canned_responses_CategoryId",
                table: "canned_responses",
                column: "CategoryId");

            migrationBuilder.AddForeignKey(
                name: "FK_ticket_messages_canned_responses_CannedResponseId",
                table: "ticket_messages",
                column: "CannedResponseId",
                principalTable: "canned_responses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ticket_messages_canned_responses_CannedResponseId",
                table: "ticket_messages");

            migrationBuilder.DropTable(
                name: "canned_responses");

            migrationBuilder.DropIndex(
                name: "IX_ticket_messages_CannedResponseId",
                table: "ticket_messages");

            migrationBuilder.DropColumn(
                name: "CannedResponseId",
                table: "ticket_messages");

            migrationBuilder.DropColumn(
                name: "PreferredLanguage",
                table: "accounts");
        }
    }
}
