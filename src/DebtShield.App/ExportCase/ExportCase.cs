using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.App.ListLoans;
using DebtShield.App.Resources;
using DebtShield.Core.Budget;
using DebtShield.Core.Cases;
using DebtShield.Core.Vocabulary;
using DebtShield.Data.Backups;
using DebtShield.Import.CaseFiles;
using DebtShield.Import.LoanTables;
using Microsoft.EntityFrameworkCore;

namespace DebtShield.App.ExportCase;

/// <summary>
/// Use case: the whole case out of the ledger, as the case file (JSON, lossless: importing it
/// into an empty ledger gives the same case back) or as a workbook for people who live in
/// spreadsheets (the loan table, which imports back, plus an overview and the budget).
/// </summary>
public static class ExportCase
{
    /// <summary>Reads the case's facts, opened (App's own: the hosts export with <see cref="WriteAsync"/>).</summary>
    internal static Task<CaseFileContent> ReadAsync(OpenLedger ledger, CaseReference @case, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.ReadAsync(async (context, token) =>
        {
            var stored = await CaseBook.RequireAsync(context, ledger.Cipher, @case, token).ConfigureAwait(false);
            var budget = await context.BudgetLines.Where(b => b.CaseId == stored.Id).OrderBy(b => b.Position).ToListAsync(token).ConfigureAwait(false);
            var loans = await CaseLoans.LoadAsync(context, stored.Id, token).ConfigureAwait(false);
            return new CaseFileContent(
                stored.ReadProfile(ledger.Cipher),
                new MonthlyBudget(budget.Select(b => b.ToBudgetLine(ledger.Cipher))),
                [.. loans.Select(CaseLoans.ToLoan)]);
        }, cancellationToken);
    }

    /// <summary>Writes the case to <paramref name="path"/>: <c>.json</c> (case file) or <c>.xlsx</c> (workbook); nothing half-written.</summary>
    /// <returns>How many loans were written.</returns>
    public static async Task<int> WriteAsync(OpenLedger ledger, CaseReference @case, string path, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is not (".JSON" or ".XLSX"))
        {
            throw new RequestRefusedException(Localized.Format(LedgerText.Export_UnknownFormat, Path.GetFileName(path)));
        }

        var content = await ReadAsync(ledger, @case, cancellationToken).ConfigureAwait(false);
        var listing = extension == ".XLSX" ? ListLoans.ListLoans.Of(content.Profile.Title, content.Loans, today) : null;
        try
        {
            await PrivateFile.WriteAsync(path, (file, _) =>
            {
                if (listing is null)
                {
                    CaseFileWriter.Write(file, content);
                }
                else
                {
                    LoanTableWriter.WriteXlsx(file, content.Loans, [Overview(listing), Budget(content.Budget), Profile(content.Profile)]);
                }

                return Task.CompletedTask;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RequestRefusedException(Localized.Format(LedgerText.Export_Unwritable, path, e.Message), e);
        }

        return content.Loans.Count;
    }

    private static TableSheet Overview(CaseLoanList list) => new(
        LedgerText.Export_OverviewSheet,
        LedgerText.Export_OverviewHeader.Split('|'),
        list.Loans.Select(l => new SheetCell[]
        {
            l.Id, l.Figures.LenderName, l.Figures.LenderKind, l.ContractDate, l.Figures.Principal, l.Figures.Received, l.Figures.UpfrontDeduction, l.Figures.TotalRepayable, l.Paid,
            Rate(l.Figures.IrrAnnualNominal), Rate(l.XirrAnnual), l.Figures.AprSimple, l.CapAnnual,
            l.ExceedsCap switch { true => LedgerText.Export_Yes, false => LedgerText.Export_No, null => "—" },
            l.LawfulTotalDue, l.LawfulMostDue is { } most && most > l.LawfulTotalDue ? most : l.LawfulTotalDue, l.OverdueAmount is { } overdue ? overdue : SheetCell.Empty, l.DaysOverdue is { } days ? days : SheetCell.Empty,
            string.Join(", ", l.Flags),
        }));

    private static TableSheet Budget(MonthlyBudget budget) => new(
        LedgerText.Export_BudgetSheet,
        LedgerText.Export_BudgetHeader.Split('|'),
        budget.Lines.Select(l => new SheetCell[] { Vocabularies.BudgetLineKinds[l.Kind].Name(System.Globalization.CultureInfo.CurrentUICulture), l.Name, l.Monthly.Yuan }));

    private static TableSheet Profile(CaseProfile profile) => new(
        LedgerText.Export_CaseSheet,
        LedgerText.Export_CaseHeader.Split('|'),
        [[profile.Title, profile.BorrowerName, profile.BorrowerPhone, profile.BorrowerIdNumber, profile.Notes]]);

    private static SheetCell Rate(double? rate) => rate is { } value ? value : SheetCell.Empty;
}
