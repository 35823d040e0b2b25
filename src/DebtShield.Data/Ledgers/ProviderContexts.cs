using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DebtShield.Data;

/// <summary>The ledger on SQLite; exists so that SQLite keeps its own migrations.</summary>
public sealed class SqliteLedgerContext(DbContextOptions<SqliteLedgerContext> options) : LedgerContext(options);

/// <summary>The ledger on PostgreSQL; exists so that PostgreSQL keeps its own migrations.</summary>
public sealed class PostgreSqlLedgerContext(DbContextOptions<PostgreSqlLedgerContext> options) : LedgerContext(options);

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteLedgerContext</c> build the model.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLedgerContext>
{
    public SqliteLedgerContext CreateDbContext(string[] args) =>
        (SqliteLedgerContext)LedgerLocation.Parse("design-time.db").CreateContext();
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgreSqlLedgerContext</c> build the model; no server is needed.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlLedgerContext>
{
    public PostgreSqlLedgerContext CreateDbContext(string[] args) =>
        (PostgreSqlLedgerContext)LedgerLocation.Parse("Host=localhost;Database=debtshield").CreateContext();
}
