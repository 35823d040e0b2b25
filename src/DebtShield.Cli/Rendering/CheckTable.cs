using System.Globalization;
using DebtShield.App.CheckLoans;
using DebtShield.App.RateLoans;
using DebtShield.Cli.Resources;
using Spectre.Console;
using static DebtShield.Cli.Rendering.FigureTable;

namespace DebtShield.Cli.Rendering;

/// <summary>Renders a legal check: the figures, the flags, what is uncertain, the steps and the law.</summary>
internal static class CheckTable
{
    public static void Write(IAnsiConsole console, CheckLoanReport report)
    {
        var table = new FigureTable()
            .Row(CliText.Row_Loan, report.Id)
            .Row(CliText.Row_AsOf, report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Row(CliText.Row_PrincipalBasis, Yuan(report.Figures.PrincipalBasis))
            .Row(CliText.Row_RateAnnual, report.Figures.IrrAnnualNominal is { } rate ? RateLoanReport.Percent(rate) : CliText.Value_None)
            .Row(CliText.Row_CapAnnual, RateLoanReport.Percent((double)report.CapAnnual))
            .Row(CliText.Row_CapBasis, report.CapBasisText)
            .Row(CliText.Row_Paid, Yuan(report.Lawful.Paid));
        if (report.Lawful.Overpaid > 0)
        {
            table.Row(CliText.Row_Overpaid, Yuan(report.Lawful.Overpaid), bold: true);
        }
        else
        {
            table.Row(CliText.Row_LawfulPrincipal, Yuan(report.Lawful.PrincipalOutstanding))
                .Row(CliText.Row_LawfulInterest, Yuan(report.Lawful.InterestDue))
                .Row(CliText.Row_LawfulTotal, FigureTable.YuanRange(report.Lawful.TotalDue, report.LawfulMostTotalDue), bold: true);
        }

        table.Row(CliText.Row_AtContractRate, Yuan(report.AtContractRate.TotalDue));
        if (report.Demanded is { } demanded)
        {
            table.Row(CliText.Row_Demanded, Yuan(demanded))
                .Row(CliText.Row_ExcessDemanded, Yuan(report.ExcessDemanded!.Value), bold: true);
        }

        table.Write(console);
        Section(console, CliText.Row_Flags, report.Flags.Select(LegalNames.Flag));
        Section(console, CliText.Row_Uncertain, report.Uncertain.Select(u => u.Message));
        Section(console, CliText.Row_Steps, report.Steps.Select((s, i) => $"{i + 1}. {s.Text}"));
        Section(console, CliText.Row_Citations, (report.Citations ?? []).Select(c => $"[{c.Id}] {c.Law} {c.Article}（{LegalNames.Status(c.Status)}）"));
        Verdict(console, report.Verdict);
    }
}
