using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tahseen.Infrastructure.PostgreSql.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HolidaysBefore = table.Column<string>(type: "text", nullable: false),
                    CoveredThroughBefore = table.Column<DateOnly>(type: "date", nullable: true),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "date", nullable: false),
                    AfterReferenceNumber = table.Column<string>(type: "text", nullable: false),
                    ActorAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    MovedCount = table.Column<long>(type: "bigint", nullable: false),
                    CreateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompleteTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_due_time_recalculation_tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "holidays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    NameAr = table.Column<string>(type: "text", nullable: false),
                    NameEn = table.Column<string>(type: "text", nullable: false),
                    Estimated = table.Column<bool>(type: "boolean", nullable: false),
                    UpdateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
