using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace DebtShield.Data;

/// <summary>
/// A new SQLite ledger's first contents: the file that every migration makes from nothing, kept
/// in this assembly (<c>Ledgers/MigratedLedger.sqlite.gz</c>) and put in place of a new, empty
/// file instead of running the migrations at its first start: running them costs EF Core's
/// migrator, its SQL generator and its check of the model against the migrations, CPU that the
/// first page waits for (docs/benchmarks.md, issue 25).
/// </summary>
/// <remarks>
/// The template holds the schema, EF Core's migration history and the file's settings (WAL), and
/// no row of anyone's: the chain's genesis and the protection are the columns' defaults and the
/// first case's own work, as on a migrated file. A migration added after the template was made
/// is applied to it as usual, so an out-of-date template is slower, never wrong; the test
/// <c>LedgerTemplateTests</c> says when to make it again (<c>DEBTSHIELD_WRITE_TEMPLATE=1</c>).
/// </remarks>
internal static class LedgerTemplate
{
    /// <summary>The template's name among the assembly's resources.</summary>
    internal const string ResourceName = "DebtShield.Data.Ledgers.MigratedLedger.sqlite.gz";

    /// <summary>
    /// Puts the template in place of <paramref name="file"/> when that file is missing or empty (a
    /// new ledger); leaves any other file alone. The template is written beside it and renamed
    /// over it, so a start killed meanwhile leaves the empty file, never half a template.
    /// </summary>
    /// <returns>Whether the template was put in place.</returns>
    public static bool TryStart(LedgerLocation location, string file)
    {
        var existing = new FileInfo(file);
        if (existing.Exists && existing.Length > 0)
        {
            return false;
        }

        try
        {
            Write(file + ".template");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LedgerException(LedgerProblem.Unreachable, file, e);
        }

        // A pooled connection opened on the empty file would go on reading it after the rename.
        SqliteConnection.ClearPool(new SqliteConnection(location.ConnectionString));
        try
        {
            File.Move(file + ".template", file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LedgerException(LedgerProblem.Unreachable, file, e);
        }

        return true;
    }

    private static void Write(string written)
    {
        using (var template = typeof(LedgerTemplate).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(ResourceName + " is not in " + typeof(LedgerTemplate).Assembly.GetName().Name + "."))
        using (var unzipped = new GZipStream(template, CompressionMode.Decompress))
        using (var target = OperatingSystem.IsWindows()
            ? new FileStream(written, FileMode.Create, FileAccess.Write, FileShare.None)
            : new FileStream(written, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None, UnixCreateMode = LedgerLocation.OwnerOnlyFile }))
        {
            unzipped.CopyTo(target);
            target.Flush(flushToDisk: true);
        }
    }
}
