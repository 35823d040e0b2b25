using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DebtShield.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue22KeyedAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No column changes. A ledger protected before attachment names were keyed keeps its
            // attachments under their plain SHA-256 and its entries' lists plain: marking its
            // protection unfinished makes its next open key and seal them (docs/ledger.md).
            migrationBuilder.Sql("UPDATE protection SET finish_pending = 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the marker is cleared by the next open.
        }
    }
}
