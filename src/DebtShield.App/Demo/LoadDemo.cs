using DebtShield.App.ImportLoans;
using DebtShield.Data;
using DebtShield.Import.CaseFiles;

namespace DebtShield.App.Demo;

/// <summary>
/// Use case: load a realistic, invented case (samples/demo-case.json, built into the program) so
/// that a newcomer, and the web app's <c>--demo</c>, have something real to look at: lenders of
/// four kinds, loans with and without 砍头息 and upfront fees, payments, overdue loans, a budget.
/// Loading it twice changes nothing.
/// </summary>
public static class LoadDemo
{
    /// <summary>Loads the demo case into the ledger.</summary>
    public static Task<ImportSummary> RunAsync(Ledger ledger, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var content = Content();
        var reading = new LoanSourceReading(content.Loans, []) { Case = content };
        return ImportLoans.ImportLoans.StoreAsync(ledger, content.Profile.Title, reading, replace: false, time, cancellationToken);
    }

    /// <summary>The demo case.</summary>
    public static CaseFileContent Content()
    {
        using var stream = typeof(LoadDemo).Assembly.GetManifestResourceStream("demo-case.json")
            ?? throw new InvalidOperationException("The demo case is not embedded in the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var reading = CaseFileReader.Read(buffer.ToArray());
        return reading.Content ?? throw new InvalidOperationException("The embedded demo case does not read: " + string.Join("; ", reading.Errors.Select(e => e.Describe("demo-case.json"))));
    }
}
