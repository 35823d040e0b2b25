using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DebtShield.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ScreenshotEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "read_confidence",
                table: "evidence_entries",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "time_estimated",
                table: "evidence_entries",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "read_confidence",
                table: "evidence_entries");

            migrationBuilder.DropColumn(
                name: "time_estimated",
                table: "evidence_entries");
        }
    }
}
