using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DebtShield.Data;

/// <summary>
/// Where the ledger lives: a SQLite file (the default, one per borrower) or a PostgreSQL database
/// (an organisation's server), parsed from what the user gave as <c>--db</c> or
/// <c>DEBTSHIELD_DB</c>.
/// </summary>
public sealed class LedgerLocation
{
    /// <summary>How long a writer waits for another process's write lock before giving up, in seconds.</summary>
    public const int DefaultBusyWaitSeconds = 15;

    private LedgerLocation(LedgerProvider provider, string connectionString, string display, string? filePath)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Display = display;
        FilePath = filePath;
    }

    /// <summary>The database engine.</summary>
    public LedgerProvider Provider { get; }

    /// <summary>The ADO.NET connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>What to show the user: the file's path, or host and database (never a password).</summary>
    public string Display { get; }

    /// <summary>The SQLite file, for SQLite.</summary>
    public string? FilePath { get; }

    /// <summary>
    /// The default ledger file: <c>debtshield/ledger.db</c> in the user's data directory, which .NET
    /// resolves to <c>$XDG_DATA_HOME</c> (or <c>~/.local/share</c>) on Linux, <c>%LOCALAPPDATA%</c>
    /// on Windows and <c>~/Library/Application Support</c> on macOS.
    /// </summary>
    public static string DefaultFile()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return DefaultFileIn(root);
    }

    /// <summary>The default ledger file inside the user's data directory <paramref name="dataHome"/>.</summary>
    public static string DefaultFileIn(string dataHome) => Path.Combine(dataHome, "debtshield", "ledger.db");

    /// <summary>
    /// Reads a <c>--db</c> value: a PostgreSQL connection string (<c>Host=…</c>) or
    /// <c>postgres://</c> URI, a SQLite connection string (<c>Data Source=…</c>), or a file path.
    /// </summary>
    /// <exception cref="ArgumentException">The value looks like a connection string but is not a valid one.</exception>
    public static LedgerLocation Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        try
        {
            return ParseValue(value);
        }
        catch (Exception e) when (e is KeyNotFoundException or FormatException or UriFormatException or InvalidOperationException or NotSupportedException)
        {
            throw new ArgumentException(e.Message, nameof(value), e);
        }
    }

    private static LedgerLocation ParseValue(string value)
    {
        value = value.Trim();
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return PostgreSql(FromUri(new Uri(value)));
        }

        if ((value.Contains('=', StringComparison.Ordinal) && value.Contains(';', StringComparison.Ordinal)) || LooksLikeKeyword(value))
        {
            var keys = new DbConnectionStringBuilder { ConnectionString = value };
            if (keys.ContainsKey("Data Source") || keys.ContainsKey("DataSource") || keys.ContainsKey("Filename"))
            {
                var sqlite = new SqliteConnectionStringBuilder(value);
                return Sqlite(sqlite);
            }

            return PostgreSql(new NpgsqlConnectionStringBuilder(value));
        }

        return Sqlite(new SqliteConnectionStringBuilder { DataSource = value });
    }

    /// <summary>Creates a context for this location.</summary>
    public LedgerContext CreateContext()
    {
        switch (Provider)
        {
            case LedgerProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteLedgerContext>()
                    .UseSqlite(ConnectionString)
                    .Options;
                return new SqliteLedgerContext(sqlite);
            case LedgerProvider.PostgreSql:
                var postgres = new DbContextOptionsBuilder<PostgreSqlLedgerContext>()
                    .UseNpgsql(ConnectionString)
                    .Options;
                return new PostgreSqlLedgerContext(postgres);
            default:
                throw new InvalidOperationException($"Unknown provider {Provider}.");
        }
    }

    /// <inheritdoc />
    public override string ToString() => Display;

    /// <summary>Read and write for the owner only (0600): the mode of every file of a SQLite ledger.</summary>
    internal const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Makes a SQLite ledger's files readable by their owner only, wherever they live (a folder of
    /// the user's choosing is not made private by us): creates the database file 0600 before SQLite
    /// does (SQLite then gives its <c>-wal</c> and <c>-shm</c> files the database file's mode), and
    /// narrows the mode of files an older version or another program left open to others.
    /// </summary>
    internal void PrepareFile()
    {
        PrepareFolder();
        if (FilePath is not { } file || OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            if (!File.Exists(file))
            {
                new FileStream(file, new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile }).Dispose();
            }

            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + ".lock" })
            {
                if (File.Exists(path) && (File.GetUnixFileMode(path) & ~OwnerOnlyFile) != 0)
                {
                    File.SetUnixFileMode(path, File.GetUnixFileMode(path) & OwnerOnlyFile);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LedgerException(LedgerProblem.Unreachable, file, e);
        }
    }

    /// <summary>Creates the SQLite file's folder on first use, readable by its owner only.</summary>
    internal void PrepareFolder()
    {
        var folder = FilePath is null ? null : Path.GetDirectoryName(FilePath);
        if (string.IsNullOrEmpty(folder) || Directory.Exists(folder))
        {
            return;
        }

        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                // The ledger holds the borrower's and their contacts' details: only its owner reads the folder.
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LedgerException(LedgerProblem.Unreachable, folder, e);
        }
    }

    private static bool LooksLikeKeyword(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return false;
        }

        var key = value[..equals].Trim();
        return key.Equals("Host", StringComparison.OrdinalIgnoreCase)
            || key.Equals("Server", StringComparison.OrdinalIgnoreCase)
            || key.Equals("Data Source", StringComparison.OrdinalIgnoreCase)
            || key.Equals("DataSource", StringComparison.OrdinalIgnoreCase)
            || key.Equals("Filename", StringComparison.OrdinalIgnoreCase);
    }

    private static LedgerLocation Sqlite(SqliteConnectionStringBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:")
        {
            throw new ArgumentException("a SQLite ledger needs a file: Data Source=PATH");
        }

        var path = Path.GetFullPath(builder.DataSource);
        builder.DataSource = path;
        builder.Pooling = false;
        if (!builder.ContainsKey("Default Timeout") || builder.DefaultTimeout == 30)
        {
            builder.DefaultTimeout = DefaultBusyWaitSeconds;
        }

        return new LedgerLocation(LedgerProvider.Sqlite, builder.ConnectionString, path, path);
    }

    private static LedgerLocation PostgreSql(NpgsqlConnectionStringBuilder builder)
    {
        var display = $"postgresql://{builder.Host}{(builder.Port != NpgsqlConnection.DefaultPort ? ":" + builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}/{builder.Database}";
        return new LedgerLocation(LedgerProvider.PostgreSql, builder.ConnectionString, display, null);
    }

    private static NpgsqlConnectionStringBuilder FromUri(Uri uri)
    {
        if (uri.Query.Length > 1)
        {
            // Options such as ?sslmode=require must not be dropped silently; the keyword form carries them all.
            throw new ArgumentException($"options after '?' are not read from a postgres:// address; write the connection string as Host=…;Database=…;SSL Mode=… instead ({uri.Query})");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        return builder;
    }
}

/// <summary>The database engines the ledger runs on.</summary>
public enum LedgerProvider
{
    /// <summary>One file on the user's machine; the default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for an organisation with many users.</summary>
    PostgreSql,
}
