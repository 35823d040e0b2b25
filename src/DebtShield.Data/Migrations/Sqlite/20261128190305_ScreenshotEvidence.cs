using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DebtShield.Data.Migrations.Sqlite
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
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "time_estimated",
                table: "evidence_entries",
                type: "INTEGER",
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
