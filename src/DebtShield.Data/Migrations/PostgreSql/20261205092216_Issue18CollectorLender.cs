using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DebtShield.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Issue18CollectorLender : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "lender_id",
                table: "collectors",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_collectors_lender_id",
                table: "collectors",
                column: "lender_id");

            migrationBuilder.AddForeignKey(
                name: "fk_collectors_lenders_lender_id",
                table: "collectors",
                column: "lender_id",
                principalTable: "lenders",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_collectors_lenders_lender_id",
                table: "collectors");

            migrationBuilder.DropIndex(
                name: "ix_collectors_lender_id",
                table: "collectors");

            migrationBuilder.DropColumn(
                name: "lender_id",
                table: "collectors");
        }
    }
}
