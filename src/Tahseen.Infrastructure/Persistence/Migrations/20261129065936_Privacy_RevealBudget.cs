using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tahseen.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Privacy_RevealBudget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FullNameEn",
                table: "accounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reveal_budgets",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reveal_budgets", x => new { x.AccountId, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_reveal_budgets_Day",
                table: "reveal_budgets",
                column: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reveal_budgets");

            migrationBuilder.DropColumn(
                name: "FullNameEn",
                table: "accounts");
        }
    }
}
