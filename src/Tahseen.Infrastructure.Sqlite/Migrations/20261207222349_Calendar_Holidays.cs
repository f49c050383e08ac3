using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tahseen.Infrastructure.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Calendar_Holidays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "due_time_recalculation_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolidaysBefore = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CoveredThroughBefore = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AfterReferenceNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MovedCount = table.Column<long>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompleteTime = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_due_time_recalculation_tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "holidays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NameAr = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Estimated = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_holidays", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_due_time_recalculation_tasks_CompleteTime_CreateTime",
                table: "due_time_recalculation_tasks",
                columns: new[] { "CompleteTime", "CreateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_holidays_StartDate",
                table: "holidays",
                column: "StartDate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "due_time_recalculation_tasks");

            migrationBuilder.DropTable(
                name: "holidays");
        }
    }
}
