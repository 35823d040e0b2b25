using System.Text.Json;
using DebtShield.App.Cases;
using DebtShield.App.Input;
using DebtShield.App.Ledgers;
using DebtShield.App.RecordLoans;
using DebtShield.App.Resources;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;
using DebtShield.Data.Loans;
using DebtShield.Import.CaseFiles;
using DebtShield.Import.LoanFiles;
using DebtShield.Import.LoanTables;
using DebtShield.Import.PastedText;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.App.ImportLoans;

/// <summary>
/// Use case: bring loans into a case from a file: the loan file (JSON), the loan table (CSV or
/// XLSX) or text pasted from a lender app's repayment screen. All or nothing: a file with one bad
/// row imports nothing and names the row; the whole import is one transaction. Importing the same
/// file again changes nothing: a loan with the same name and the same facts is recognised.
/// </summary>
public static class ImportLoans
{
    /// <summary>Reads a file by its extension: <c>.json</c>, <c>.csv</c>, <c>.xlsx</c>, or <c>.txt</c> (pasted text, which needs <paramref name="pasted"/>; its paid rows are payments made by <paramref name="today"/>).</summary>
    public static LoanSourceReading Read(string path, PastedLoanFacts? pasted, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        if (!IsKnown(name))
        {
            return Unknown(name);
        }

        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new LoanSourceReading([], [Localized.Format(EvidenceText.File_NotFound, name)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new LoanSourceReading([], [Localized.Format(EvidenceText.File_Unreadable, name, e.Message)]);
        }

        using (file)
        {
            return Read(file, name, pasted, today);
        }
    }

    /// <summary>
    /// Reads an upload: <paramref name="fileName"/> only labels it, and its extension picks the
    /// reader as for a file (<see cref="Read(string, PastedLoanFacts?, DateOnly)"/>).
    /// </summary>
    /// <remarks>
    /// A workbook must be read out of order: one that comes as a stream that cannot seek (a request
    /// body) is first copied into a <see cref="SealedSpool"/>, so nothing of it lies on disk in the clear.
    /// The other formats are read whole into memory, as their readers hold them anyway.
    /// </remarks>
    public static async Task<LoanSourceReading> ReadAsync(Stream content, string fileName, PastedLoanFacts? pasted, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = UploadName.Label(fileName);
        if (!IsKnown(name))
        {
            return Unknown(name);
        }

        if (content.CanSeek)
        {
            return Read(content, name, pasted, today);
        }

        if (!Path.GetExtension(name).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            // Their readers hold the whole text anyway; a request body is read asynchronously.
            using var text = new MemoryStream();
            await content.CopyToAsync(text, cancellationToken).ConfigureAwait(false);
            text.Position = 0;
            return Read(text, name, pasted, today);
        }

        using var spool = await SealedSpool.CreateAsync(content, cancellationToken).ConfigureAwait(false);
        await using var workbook = spool.OpenRead();
        try
        {
            return Read(workbook, name, pasted, today);
        }
        catch (IOException e)
        {
            // The sealed copy no longer holds what was written to it.
            return new LoanSourceReading([], [Localized.Format(EvidenceText.File_Unreadable, name, e.Message)]);
        }
    }

    private static bool IsKnown(string name) => Path.GetExtension(name).ToUpperInvariant() is ".JSON" or ".CSV" or ".XLSX" or ".TXT";

    private static LoanSourceReading Unknown(string name) => new([], [Localized.Format(LedgerText.Import_UnknownFormat, name)]);

    /// <summary>Reads <paramref name="content"/> by the extension of <paramref name="name"/>, which labels its errors.</summary>
    private static LoanSourceReading Read(Stream content, string name, PastedLoanFacts? pasted, DateOnly today)
    {
        switch (Path.GetExtension(name).ToUpperInvariant())
        {
            case ".JSON":
                var json = ReadAll(content);
                if (IsCaseFile(json))
                {
                    var caseFile = CaseFileReader.Read(json);
                    return caseFile.Succeeded
                        ? new LoanSourceReading(caseFile.Content.Loans, []) { Case = caseFile.Content }
                        : new LoanSourceReading([], [.. caseFile.Errors.Select(e => e.Describe(name))]);
                }

                var loanFile = LoanFileReader.Read(json, Path.GetFileNameWithoutExtension(name));
                return loanFile.Succeeded
                    ? new LoanSourceReading([loanFile.Loan], [])
                    : new LoanSourceReading([], [.. loanFile.Errors.Select(e => e.Describe(name))]);
            case ".CSV":
                var csv = LoanTableReader.ReadCsv(content);
                return new LoanSourceReading(csv.Loans, [.. csv.Errors.Select(e => e.Describe(name))]);
            case ".XLSX":
                var workbook = LoanTableReader.ReadXlsx(content);
                return new LoanSourceReading(workbook.Loans, [.. workbook.Errors.Select(e => e.Describe(name))]);
            case ".TXT":
                using (var reader = new StreamReader(content, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true))
                {
                    return ReadPasted(reader.ReadToEnd(), name, pasted, today);
                }

            default:
                return Unknown(name);
        }
    }

    private static byte[] ReadAll(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>True when the JSON's top-level <c>format</c> names the case file.</summary>
    private static bool IsCaseFile(byte[] json)
    {
        try
        {
            var text = json.AsMemory();
            if (text.Span.StartsWith("\uFEFF"u8))
            {
                text = text[3..];
            }

            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("format", out var format)
                && format.ValueKind == JsonValueKind.String
                && format.GetString() == CaseFileReader.FormatName;
        }
        catch (JsonException)
        {
            // The loan-file reader reports what is wrong with the file, located.
            return false;
        }
    }

    /// <summary>
    /// Reads a repayment schedule pasted from a lender app; the rest of the loan's facts
    /// (name, lender, contract date, amounts) come from <paramref name="pasted"/>, since the screen rarely shows them.
    /// Instalments the screen marks as paid (已还, 已结清) become payments (<see cref="PaidInstalments"/>).
    /// Problems with the facts are worded by <paramref name="describe"/> (a form names its own fields), else by the loan file's field paths.
    /// </summary>
    public static LoanSourceReading ReadPasted(string text, string source, PastedLoanFacts? pasted, DateOnly today, Func<IEnumerable<LoanProblem>, string>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (pasted is null)
        {
            return new LoanSourceReading([], [Localized.Format(LedgerText.Import_PastedNeedsFacts, source)]);
        }

        var reading = PastedScheduleReader.Read(text);
        if (!reading.Succeeded)
        {
            return new LoanSourceReading([], [.. reading.Errors.Select(e => e.Describe(source))]);
        }

        var paid = reading.Instalments.Where(i => i.Status == InstalmentStatus.Paid).Select(i => i.Instalment).ToArray();
        var payments = PaidInstalments.Unrecorded(paid, [], today);
        var creation = Loan.Create(pasted.Id, pasted.Lender, pasted.ContractDate, pasted.Principal, pasted.Received, [], reading.Schedule, payments, null);
        return creation.Succeeded
            ? new LoanSourceReading([creation.Loan], []) { Paid = paid }
            : new LoanSourceReading([], [Localized.Format(LedgerText.Loan_Invalid, pasted.Id, (describe ?? LoanProblemText.Describe)(creation.Problems))]);
    }

    /// <summary>
    /// What storing a pasted loan would change: nothing (the case holds the same facts), a new loan,
    /// or the stored loan's facts before and after. The payments of the paid rows are added only
    /// where the payments already recorded do not cover them, so pasting a screen twice, or after
    /// recording payments by hand, never counts a payment twice.
    /// </summary>
    public static Task<PastedLoanComparison> CompareAsync(OpenLedger ledger, CaseReference @case, LoanSourceReading pasted, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(pasted);
        if (pasted.Loans is not [var incoming])
        {
            throw new ArgumentException("A pasted reading holds one loan once read without errors.", nameof(pasted));
        }

        return ledger.ReadAsync(async (context, token) =>
        {
            var stored = await CaseBook.FindAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false);
            if (stored is null || !await context.Loans.AnyAsync(l => l.CaseId == stored.Id && l.Reference == incoming.Id, token).ConfigureAwait(false))
            {
                return new PastedLoanComparison(null, incoming);
            }

            var existing = await CaseLoans.FindAsync(context, stored.Id, incoming.Id, token).ConfigureAwait(false);
            var before = CaseLoans.ToLoan(existing);
            var payments = before.Payments.Concat(PaidInstalments.Unrecorded(pasted.Paid, before.Payments, today));
            var after = CaseLoans.Require(
                Loan.Create(incoming.Id, incoming.Lender, incoming.ContractDate, incoming.Principal, incoming.Received, before.UpfrontFees, incoming.Schedule, payments, before.Advertised, before.OverdueTerms),
                incoming.Id);
            return new PastedLoanComparison(before, after);
        }, cancellationToken);
    }

    /// <summary>
    /// Reads an uploaded loan file, case file or loan table (its name picks the reader, and labels
    /// its errors) and stores its loans as <see cref="StoreAsync"/> does, never replacing a stored
    /// loan; refused whole when any row is wrong.
    /// </summary>
    /// <exception cref="RequestRefusedException">A row does not read (every error, by file and row), or the loans conflict with stored ones.</exception>
    public static async Task<ImportSummary> ImportAsync(OpenLedger ledger, CaseReference @case, Stream content, string fileName, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        var reading = await ReadAsync(content, fileName, null, ChinaStandardTime.Today(time), cancellationToken).ConfigureAwait(false);
        reading.RequireSucceeded();
        return await StoreAsync(ledger, @case, reading, replace: false, time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores the loans in the case, in one transaction. A loan whose name the case already holds
    /// is left alone when its facts are the same; when they differ the import is refused unless
    /// <paramref name="replace"/>, which gives the stored loan the file's facts.
    /// </summary>
    /// <exception cref="RequestRefusedException">Loans conflict with stored ones, or a lender's kind conflicts.</exception>
    /// <remarks>
    /// A case file goes into the case it names (or <paramref name="case"/>); a case created by
    /// the import takes the file's borrower details and budget, an existing case keeps its own.
    /// </remarks>
    public static Task<ImportSummary> StoreAsync(OpenLedger ledger, CaseReference @case, LoanSourceReading reading, bool replace, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(time);
        var loans = reading.Loans;
        var today = ChinaStandardTime.Today(time);
        foreach (var loan in loans)
        {
            CaseLoans.RequireHappened(loan, today);
        }

        return ledger.WriteAsync(async (context, token) =>
        {
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            var now = time.GetUtcNow();
            var stored = reading.Case is { } file
                ? await CaseBook.FindOrCreateAsync(context, ledger.Cipher, @case.IsOnly ? file.Profile.Title : @case, time, token, file).ConfigureAwait(false)
                : await CaseBook.FindOrCreateAsync(context, ledger.Cipher, @case, time, token).ConfigureAwait(false);
            var references = (await context.Loans.Where(l => l.CaseId == stored.Id).Select(l => l.Reference).ToListAsync(token).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            var existing = !loans.Any(l => references.Contains(l.Id))
                ? []
                : (await CaseLoans.LoadAsync(context, stored.Id, token).ConfigureAwait(false)).ToDictionary(l => l.Reference, StringComparer.Ordinal);
            var replacing = replace ? loans.Select(l => l.Id).ToHashSet(StringComparer.Ordinal) : null;
            var lenders = new Dictionary<string, StoredLender>(StringComparer.Ordinal);

            var (unchanged, replaced) = (0, 0);
            var fresh = new List<Loan>();
            var conflicts = new List<string>();
            foreach (var loan in loans)
            {
                if (!lenders.TryGetValue(loan.Lender.Name, out var lender))
                {
                    lender = await CaseLoans.LenderAsync(context, stored.Id, loan.Lender, now, token, replacing).ConfigureAwait(false);
                    lenders.Add(loan.Lender.Name, lender);
                }
                else if (lender.Kind != loan.Lender.Kind)
                {
                    throw new RequestRefusedException(Localized.Format(LedgerText.Lender_KindConflict, lender.Name, Vocabularies.LenderKinds.WireId(lender.Kind), Vocabularies.LenderKinds.WireId(loan.Lender.Kind), loan.Id));
                }

                if (!existing.TryGetValue(loan.Id, out var current))
                {
                    fresh.Add(loan);
                }
                else if (CaseLoans.ToLoan(current).HasSameFacts(loan))
                {
                    unchanged++;
                }
                else if (replace)
                {
                    var tracked = await CaseLoans.FindAsync(context, stored.Id, loan.Id, token).ConfigureAwait(false);
                    RecordLoan.Replace(context, tracked, StoredLoan.From(loan, stored.Id, lender, now));
                    replaced++;
                }
                else
                {
                    conflicts.Add(loan.Id);
                }
            }

            if (conflicts.Count > 0)
            {
                throw new RequestRefusedException(Localized.Format(LedgerText.Import_Conflicts, conflicts.Count, string.Join("、", conflicts.Take(10))));
            }

            // The case, its lenders and the replacements first, through the change tracker; then the
            // new loans in chunks of multi-row inserts, so that neither time nor memory grows with
            // tracked entities. It is all one transaction still: a failure or a kill anywhere leaves none of it.
            context.ChangeTracker.DetectChanges();
            await context.SaveChangesAsync(token).ConfigureAwait(false);
            foreach (var chunk in fresh.Chunk(ChunkSize))
            {
                await context.InsertLoansAsync([.. chunk.Select(loan => StoredLoan.From(loan, stored.Id, lenders[loan.Lender.Name], now))], token).ConfigureAwait(false);
            }

            if (replaced > 0)
            {
                await CaseLoans.RemoveIdleLendersAsync(context, stored.Id, token).ConfigureAwait(false);
            }

            return new ImportSummary(stored.ReadTitle(ledger.Cipher), fresh.Count, unchanged, replaced);
        }, cancellationToken);
    }

    /// <summary>Loans inserted at a time: many rows a statement, few rows held.</summary>
    private const int ChunkSize = 1000;
}

/// <summary>The facts of a pasted loan that a repayment screen does not show.</summary>
/// <param name="Id">The loan's name.</param>
/// <param name="Lender">The lender.</param>
/// <param name="ContractDate">The day the money arrived.</param>
/// <param name="Principal">The contract amount.</param>
/// <param name="Received">What arrived, when less than the principal.</param>
public sealed record PastedLoanFacts(string Id, Lender Lender, DateOnly ContractDate, Money Principal, Money? Received);

/// <summary>Loans read from a file, or every error (already worded, naming file and row).</summary>
/// <param name="Loans">The loans, when there were no errors.</param>
/// <param name="Errors">The errors.</param>
public sealed record LoanSourceReading(IReadOnlyList<Loan> Loans, IReadOnlyList<string> Errors)
{
    /// <summary>The whole case, when the file was a case file (App's own: not for the hosts).</summary>
    internal CaseFileContent? Case { get; init; }

    /// <summary>The instalments a pasted repayment screen marks as paid; empty for files.</summary>
    public IReadOnlyList<Instalment> Paid { get; init; } = [];

    /// <summary>True when the file was read without error.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Refuses a reading with errors, naming every one: nothing of such a file is stored.</summary>
    /// <exception cref="RequestRefusedException">There were errors.</exception>
    public void RequireSucceeded()
    {
        if (!Succeeded)
        {
            throw new RequestRefusedException(Localized.Format(LedgerText.Import_Refused, string.Join("；", Errors)));
        }
    }
}

/// <summary>A pasted loan against the loan of the same name the case holds.</summary>
/// <param name="Stored">The stored loan; null when the case has none by that name.</param>
/// <param name="Pasted">The loan as it would be stored: the pasted facts, with the payments recorded before and those of the paid rows they do not cover.</param>
public sealed record PastedLoanComparison(Loan? Stored, Loan Pasted)
{
    /// <summary>True when storing would change nothing.</summary>
    public bool Unchanged => Stored is not null && Stored.HasSameFacts(Pasted);

    /// <summary>The reading to store: the loan as it would be stored.</summary>
    public LoanSourceReading Reading => new([Pasted], []);
}

/// <summary>What an import did.</summary>
/// <param name="Case">The case the loans went into.</param>
/// <param name="Added">New loans.</param>
/// <param name="Unchanged">Loans already held with the same facts.</param>
/// <param name="Replaced">Loans given the file's facts (with <c>--replace</c>).</param>
public sealed record ImportSummary(string Case, int Added, int Unchanged, int Replaced);
