using DebtShield.App.ImportLoans;
using DebtShield.App.Input;
using DebtShield.App.Ledgers;
using DebtShield.App.RecordEvidence;
using DebtShield.Import.CaseFiles;

namespace DebtShield.App.Demo;

/// <summary>
/// Use case: load a realistic, invented case (samples/demo-case.json, built into the program) so
/// that a newcomer, and the web app's <c>--demo</c>, have something real to look at: lenders of
/// four kinds, loans with and without 砍头息 and upfront fees, payments, overdue loans, a budget,
/// and collection evidence (the invented phone backups samples/demo-sms-backup.xml and
/// samples/demo-calls-backup.xml, dated after the loans they are about, and naming the lenders the
/// way collectors do). Loading it twice changes nothing.
/// </summary>
public static class LoadDemo
{
    /// <summary>Loads the demo case into the ledger: its loans, then its evidence.</summary>
    public static async Task<ImportSummary> RunAsync(OpenLedger ledger, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var content = Content();
        var reading = new LoanSourceReading(content.Loans, []) { Case = content };
        var summary = await ImportLoans.ImportLoans.StoreAsync(ledger, content.Profile.Title, reading, replace: false, time, cancellationToken).ConfigureAwait(false);
        foreach (var backup in new[] { "demo-sms-backup.xml", "demo-calls-backup.xml" })
        {
            await ImportPhoneBackup.ImportAsync(ledger, content.Profile.Title, backup, () => Embedded(backup), new PhoneBackupChoices([]), time, cancellationToken).ConfigureAwait(false);
        }

        return summary;
    }

    /// <summary>The demo case's title, the name it is listed and chosen by.</summary>
    public static string Title => Content().Profile.Title;

    /// <summary>The demo case, as the case file's reader gives it (App's own: not for the hosts).</summary>
    internal static CaseFileContent Content()
    {
        using var stream = Embedded("demo-case.json");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var reading = CaseFileReader.Read(buffer.ToArray());
        return reading.Content ?? throw new InvalidOperationException("The embedded demo case does not read: " + string.Join("; ", reading.Errors.Select(e => e.Describe("demo-case.json"))));
    }

    private static MemoryStream Embedded(string name)
    {
        // Copied out, because the backup reader peeks at the start of what it is given.
        using var resource = typeof(LoadDemo).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(name + " is not embedded in the assembly.");
        var copy = new MemoryStream();
        resource.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }
}
