using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DebtShield.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue22ProtectionFinishes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A ledger protected before this column cannot say whether its protection finished:
            // true makes its next open finish it (docs/ledger.md, "Protection").
            migrationBuilder.AddColumn<bool>(
                name: "finish_pending",
                table: "protection",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "finish_pending",
                table: "protection");
        }
    }
}
