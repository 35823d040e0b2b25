using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DebtShield.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    borrower_name = table.Column<string>(type: "TEXT", nullable: true),
                    borrower_phone = table.Column<string>(type: "TEXT", nullable: true),
                    borrower_id_number = table.Column<string>(type: "TEXT", nullable: true),
                    notes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "protection",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    salt = table.Column<byte[]>(type: "BLOB", nullable: false),
                    memory_kib = table.Column<int>(type: "INTEGER", nullable: false),
                    iterations = table.Column<int>(type: "INTEGER", nullable: false),
                    parallelism = table.Column<int>(type: "INTEGER", nullable: false),
                    sealed_data_key = table.Column<byte[]>(type: "BLOB", nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_protection", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "budget_lines",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    monthly = table.Column<decimal>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_lines", x => new { x.case_id, x.position });
                    table.ForeignKey(
                        name: "fk_budget_lines_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lenders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lenders", x => x.id);
                    table.ForeignKey(
                        name: "fk_lenders_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "loans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lender_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", nullable: false),
                    contract_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    principal = table.Column<decimal>(type: "TEXT", nullable: false),
                    received = table.Column<decimal>(type: "TEXT", nullable: false),
                    advertised_value = table.Column<double>(type: "REAL", nullable: true),
                    advertised_per = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    advertised_method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loans", x => x.id);
                    table.ForeignKey(
                        name: "fk_loans_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_loans_lenders_lender_id",
                        column: x => x.lender_id,
                        principalTable: "lenders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "instalments",
                columns: table => new
                {
                    loan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    due_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    total = table.Column<decimal>(type: "TEXT", nullable: false),
                    principal = table.Column<decimal>(type: "TEXT", nullable: true),
                    interest = table.Column<decimal>(type: "TEXT", nullable: true),
                    fees = table.Column<decimal>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_instalments", x => new { x.loan_id, x.number });
                    table.ForeignKey(
                        name: "fk_instalments_loans_loan_id",
                        column: x => x.loan_id,
                        principalTable: "loans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    loan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments", x => x.id);
                    table.ForeignKey(
                        name: "fk_payments_loans_loan_id",
                        column: x => x.loan_id,
                        principalTable: "loans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "upfront_fees",
                columns: table => new
                {
                    loan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upfront_fees", x => new { x.loan_id, x.number });
                    table.ForeignKey(
                        name: "fk_upfront_fees_loans_loan_id",
                        column: x => x.loan_id,
                        principalTable: "loans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lenders_case_id_name",
                table: "lenders",
                columns: new[] { "case_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_loans_case_id_reference",
                table: "loans",
                columns: new[] { "case_id", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_loans_lender_id",
                table: "loans",
                column: "lender_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_loan_id_date",
                table: "payments",
                columns: new[] { "loan_id", "date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budget_lines");

            migrationBuilder.DropTable(
                name: "instalments");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "protection");

            migrationBuilder.DropTable(
                name: "upfront_fees");

            migrationBuilder.DropTable(
                name: "loans");

            migrationBuilder.DropTable(
                name: "lenders");

            migrationBuilder.DropTable(
                name: "cases");
        }
    }
}
