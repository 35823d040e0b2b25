using System.Globalization;
using DebtShield.App.RateLoans;
using DebtShield.Cli.Resources;
using Spectre.Console;
using static DebtShield.Cli.Rendering.FigureTable;

namespace DebtShield.Cli.Rendering;

/// <summary>Renders a rate report as a two-column table, the notes, and the verdict.</summary>
internal static class RateTable
{
    public static void Write(IAnsiConsole console, RateLoanReport report)
    {
        var figures = report.Figures;
        var table = new FigureTable()
            .Row(CliText.Row_Loan, report.Id)
            .Row(CliText.Row_Lender, $"{figures.LenderName} ({LenderKind(figures.LenderKind)})")
            .Row(CliText.Row_Principal, Yuan(figures.Principal))
            .Row(CliText.Row_Received, Yuan(figures.Received))
            .Row(CliText.Row_UpfrontDeduction, Yuan(figures.UpfrontDeduction))
            .Row(CliText.Row_PrincipalBasis, Yuan(figures.PrincipalBasis))
            .Row(CliText.Row_TotalRepayable, Yuan(figures.TotalRepayable))
            .Row(CliText.Row_TotalCost, Yuan(figures.TotalCost))
            .Row(CliText.Row_Period, figures.RepaymentPeriod.IsCalendarMonth
                ? CliText.Period_Month
                : string.Format(CultureInfo.CurrentCulture, CliText.Period_Days, figures.RepaymentPeriod.Days, figures.PeriodsPerYear.ToString("0.##", CultureInfo.InvariantCulture)))
            .Row(CliText.Row_IrrAnnualNominal, Rate(figures.IrrAnnualNominal), bold: true)
            .Row(CliText.Row_IrrAnnualEffective, Rate(figures.IrrAnnualEffective))
            .Row(CliText.Row_XirrAnnual, Rate(report.XirrAnnual))
            .Row(CliText.Row_AprSimple, Rate(figures.AprSimple))
            .Row(CliText.Row_AprRegZ, Rate(report.AprRegZ))
            .Row(CliText.Row_StatedAnnual, Rate(figures.StatedAnnual));
        if (report.OnContractPrincipal is { } lenderView)
        {
            table.Row(CliText.Row_OnContractPrincipal, string.Format(
                CultureInfo.CurrentCulture, CliText.Value_OnContract, Rate(lenderView.IrrAnnualNominal), Rate(lenderView.AprSimple)));
        }

        table.Write(console);
        Section(console, CliText.Row_Notes, report.Notes.Select(n => n.Message));
        Verdict(console, report.Verdict);
    }

    private static string Rate(double? fraction) => fraction is { } value ? RateLoanReport.Percent(value) : CliText.Value_None;
}
