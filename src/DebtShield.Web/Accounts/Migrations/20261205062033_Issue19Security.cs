using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DebtShield.Web.Accounts.Migrations
{
    /// <inheritdoc />
    public partial class Issue19Security : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FeedKey",
                schema: "accounts",
                table: "CaseAssignments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Handler",
                schema: "accounts",
                table: "AuditEntries",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FeedKey",
                schema: "accounts",
                table: "CaseAssignments");

            migrationBuilder.DropColumn(
                name: "Handler",
                schema: "accounts",
                table: "AuditEntries");
        }
    }
}
