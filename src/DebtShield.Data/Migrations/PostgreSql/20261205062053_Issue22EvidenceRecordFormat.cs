using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DebtShield.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Issue22EvidenceRecordFormat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "record_format",
                table: "evidence_entries",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<bool>(
                name: "retraction",
                table: "evidence_entries",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "record_format",
                table: "evidence_entries");

            migrationBuilder.DropColumn(
                name: "retraction",
                table: "evidence_entries");
        }
    }
}
