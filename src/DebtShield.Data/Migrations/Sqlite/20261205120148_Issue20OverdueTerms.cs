using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DebtShield.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue20OverdueTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Loans recorded before the ledger kept the agreed overdue terms: not known (overdue_terms_known false).
            migrationBuilder.AddColumn<decimal>(
                name: "overdue_other_fees",
                table: "loans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "overdue_penalty_amount",
                table: "loans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "overdue_penalty_per_day",
                table: "loans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "overdue_rate_per",
                table: "loans",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "overdue_rate_value",
                table: "loans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "overdue_terms_known",
                table: "loans",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "overdue_other_fees",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "overdue_penalty_amount",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "overdue_penalty_per_day",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "overdue_rate_per",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "overdue_rate_value",
                table: "loans");

            migrationBuilder.DropColumn(
                name: "overdue_terms_known",
                table: "loans");
        }
    }
}
