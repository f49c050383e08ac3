using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tahseen.Infrastructure.PostgreSql.Migrations
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreferredLanguage",
                table: "accounts",
                type: "integer",
                nullable: false,
                defaultValue: 1); // Language.Arabic: every existing account reads Arabic until its holder chooses

            migrationBuilder.CreateTable(
                name: "canned_responses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: true),
                    Type = table.Column<int>(type: "integer", nullable: true),
                    TitleAr = table.Column<string>(type: "text", nullable: false),
                    TitleEn = table.Column<string>(type: "text", nullable: false),
                    BodyAr = table.Column<string>(type: "text", nullable: false),
                    BodyEn = table.Column<string>(type: "text", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
