using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DebtShield.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue22Timestamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "head_stamps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    head = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    authority = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    stamped_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    request = table.Column<byte[]>(type: "BLOB", nullable: false),
                    reply = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_head_stamps", x => x.id);
                    table.ForeignKey(
                        name: "fk_head_stamps_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_head_stamps_case_id_count",
                table: "head_stamps",
                columns: new[] { "case_id", "count" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "head_stamps");
        }
    }
}
