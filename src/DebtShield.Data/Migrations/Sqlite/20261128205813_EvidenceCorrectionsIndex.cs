using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DebtShield.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EvidenceCorrectionsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_evidence_entries_case_id_supersedes",
                table: "evidence_entries",
                columns: new[] { "case_id", "supersedes" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_evidence_entries_case_id_supersedes",
                table: "evidence_entries");
        }
    }
}
