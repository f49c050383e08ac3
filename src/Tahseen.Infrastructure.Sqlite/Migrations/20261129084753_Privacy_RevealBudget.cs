using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tahseen.Infrastructure.Sqlite.Migrations
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
                name: "audit_chain_anchor",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MoveTime = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_chain_anchor", x => x.Id);
                });

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

            migrationBuilder.InsertData(
                table: "audit_chain_anchor",
                columns: new[] { "Id", "Hash", "MoveTime", "Sequence" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", null, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_reveal_budgets_Day",
                table: "reveal_budgets",
                column: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_chain_anchor");

            migrationBuilder.DropTable(
                name: "reveal_budgets");

            migrationBuilder.DropColumn(
                name: "FullNameEn",
                table: "accounts");
        }
    }
}
