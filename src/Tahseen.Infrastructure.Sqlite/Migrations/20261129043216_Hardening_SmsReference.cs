using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tahseen.Infrastructure.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Hardening_SmsReference : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "Reference",
                table: "sandbox_sms_messages",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Messages kept before references existed each get one of their own, so the unique index holds.
            migrationBuilder.Sql("UPDATE sandbox_sms_messages SET \"Reference\" = upper(hex(randomblob(16)))");

            migrationBuilder.CreateIndex(
                name: "IX_sandbox_sms_messages_Reference",
                table: "sandbox_sms_messages",
                column: "Reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sandbox_sms_messages_Reference",
                table: "sandbox_sms_messages");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "sandbox_sms_messages");
        }
    }
}
