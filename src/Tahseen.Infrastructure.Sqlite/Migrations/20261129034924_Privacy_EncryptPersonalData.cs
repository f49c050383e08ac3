using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tahseen.Infrastructure.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Privacy_EncryptPersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_persons");

            migrationBuilder.DropIndex(
                name: "IX_sms_outbox_MobileNumber_Kind_CreateTime",
                table: "sms_outbox");

            migrationBuilder.DropIndex(
                name: "IX_sandbox_sms_messages_MobileNumber_Id",
                table: "sandbox_sms_messages");

            migrationBuilder.DropIndex(
                name: "ux_accounts_national_id",
                table: "accounts");

            migrationBuilder.AddColumn<string>(
                name: "MobileNumberHash",
                table: "sms_outbox",
                type: "TEXT",
                maxLength: 84,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MobileNumberHash",
                table: "sandbox_sms_messages",
                type: "TEXT",
                maxLength: 84,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailHash",
                table: "accounts",
                type: "TEXT",
                maxLength: 84,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MobileNumberHash",
                table: "accounts",
                type: "TEXT",
                maxLength: 84,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NationalIdHash",
                table: "accounts",
                type: "TEXT",
                maxLength: 84,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_sms_outbox_MobileNumberHash_Kind_CreateTime",
                table: "sms_outbox",
                columns: new[] { "MobileNumberHash", "Kind", "CreateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_sandbox_sms_messages_MobileNumberHash_Id",
                table: "sandbox_sms_messages",
                columns: new[] { "MobileNumberHash", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_MobileNumberHash",
                table: "accounts",
                column: "MobileNumberHash");

            migrationBuilder.CreateIndex(
                name: "ux_accounts_national_id_hash",
                table: "accounts",
                column: "NationalIdHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sms_outbox_MobileNumberHash_Kind_CreateTime",
                table: "sms_outbox");

            migrationBuilder.DropIndex(
                name: "IX_sandbox_sms_messages_MobileNumberHash_Id",
                table: "sandbox_sms_messages");

            migrationBuilder.DropIndex(
                name: "IX_accounts_MobileNumberHash",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "ux_accounts_national_id_hash",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "MobileNumberHash",
                table: "sms_outbox");

            migrationBuilder.DropColumn(
                name: "MobileNumberHash",
                table: "sandbox_sms_messages");

            migrationBuilder.DropColumn(
                name: "EmailHash",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "MobileNumberHash",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "NationalIdHash",
                table: "accounts");

            migrationBuilder.CreateTable(
                name: "registry_persons",
                columns: table => new
                {
                    NationalId = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FullNameAr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FullNameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MobileNumber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_persons", x => x.NationalId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sms_outbox_MobileNumber_Kind_CreateTime",
                table: "sms_outbox",
                columns: new[] { "MobileNumber", "Kind", "CreateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_sandbox_sms_messages_MobileNumber_Id",
                table: "sandbox_sms_messages",
                columns: new[] { "MobileNumber", "Id" });

            migrationBuilder.CreateIndex(
                name: "ux_accounts_national_id",
                table: "accounts",
                column: "NationalId",
                unique: true);
        }
    }
}
