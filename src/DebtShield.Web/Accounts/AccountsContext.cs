using System.Data.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.Web.Accounts;

/// <summary>
/// What the multi-user app knows beside the ledger, in the same PostgreSQL database but its own
/// schema (<c>accounts</c>) and migrations: the accounts and roles, which cases each account may
/// see, the audit log, and the data-protection keys every node shares (so a login cookie or form
/// token issued by one node is read by the next one behind the load balancer). The ledger's model
/// knows nothing of people who log in; a borrower's own SQLite ledger never carries these tables.
/// </summary>
public sealed class AccountsContext(DbContextOptions<AccountsContext> options) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    /// <summary>The schema of these tables, apart from the ledger's.</summary>
    public const string Schema = "accounts";

    /// <summary>Which account may see which case.</summary>
    public DbSet<CaseAssignment> CaseAssignments => Set<CaseAssignment>();

    /// <summary>Who saw and changed what.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <inheritdoc/>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Options for a connection string, with the migrations' history kept in this schema.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", Schema));
    }

    /// <summary>
    /// A context over a connection the ledger already holds, to write in the ledger's transaction
    /// (a new case and its assignment: both or neither).
    /// </summary>
    public static AccountsContext Over(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var options = new DbContextOptionsBuilder<AccountsContext>();
        options.UseNpgsql(connection, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", Schema));
        return new AccountsContext(options.Options);
    }

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        builder.Entity<CaseAssignment>(assignment =>
        {
            assignment.HasKey(a => new { a.UserId, a.CaseId });
            assignment.HasIndex(a => a.CaseId);
            assignment.HasOne<IdentityUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AuditEntry>(entry =>
        {
            entry.HasIndex(e => e.At);
            entry.HasIndex(e => e.CaseId);
            entry.Property(e => e.UserName).HasMaxLength(256);
            entry.Property(e => e.Method).HasMaxLength(16);
            entry.Property(e => e.Route).HasMaxLength(512);
            entry.Property(e => e.Action).HasMaxLength(64);
            entry.Property(e => e.Outcome).HasMaxLength(32);
            entry.Property(e => e.Handler).HasMaxLength(AuditEntry.HandlerLength);
        });
    }
}

/// <summary>An account's right to see a case: a borrower's own case, or one a case worker was given.</summary>
public sealed class CaseAssignment
{
    /// <summary>The account.</summary>
    public required string UserId { get; init; }

    /// <summary>The ledger's case id (not its title, which the case's owner may change).</summary>
    public required Guid CaseId { get; init; }

    /// <summary>When it was given.</summary>
    public DateTimeOffset AssignedAt { get; init; }

    /// <summary>
    /// The key inside this account's calendar-feed address for the case; null when no address is
    /// issued (or it was withdrawn). The address opens only while the assignment stands and this
    /// key is unchanged, so a new key, a withdrawal or the end of the assignment ends the old address.
    /// </summary>
    public Guid? FeedKey { get; set; }
}

/// <summary>
/// One line of the audit log: who, when, which route and action, which case, and how it ended.
/// Written for every request that touches a case (refusals included), for logins and for admin
/// changes; never holds the case's contents.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The row's number.</summary>
    public long Id { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The account, when known.</summary>
    public string? UserId { get; init; }

    /// <summary>The account's login name at the time (or the name tried, for a failed login).</summary>
    public string? UserName { get; init; }

    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The path asked for (without the query, which may carry personal words).</summary>
    public required string Route { get; init; }

    /// <summary>What was done: <c>read</c>, <c>change</c>, <c>login</c>, <c>logout</c>, <c>admin</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The case, when the request named one that exists.</summary>
    public Guid? CaseId { get; init; }

    /// <summary><c>allowed</c>, <c>denied</c>, <c>failed</c>, <c>locked-out</c>, or the response's status.</summary>
    public required string Outcome { get; init; }

    /// <summary>The response's status code, when one was sent.</summary>
    public int? Status { get; init; }

    /// <summary>
    /// What served the request (a page and its handler method, such as <c>/Evidence/Index OnPostImport</c>,
    /// or the API endpoint's name), so an import is told from a verify on the same path.
    /// </summary>
    public string? Handler { get; init; }

    /// <summary>The longest <see cref="Handler"/> kept.</summary>
    public const int HandlerLength = 128;
}
