using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DebtShield.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Issue20AppliesTo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Payments recorded before the ledger kept a designation followed the statutory order.
            migrationBuilder.AddColumn<string>(
                name: "applies_to",
                table: "payments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Default");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "applies_to",
                table: "payments");
        }
    }
}
