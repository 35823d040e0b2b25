using DebtShield.App.CheckOffer;
using DebtShield.App.RateLoans;
using DebtShield.Cli.Resources;
using Spectre.Console;
using static DebtShield.Cli.Rendering.FigureTable;

namespace DebtShield.Cli.Rendering;

/// <summary>Renders the offer check: the figures, the findings worst first, the assumptions and the verdict.</summary>
internal static class OfferTable
{
    public static void Write(IAnsiConsole console, CheckOfferReport report)
    {
        var figures = report.Figures;
        var table = new FigureTable()
            .Row(CliText.Row_Principal, Yuan(figures.Principal))
            .Row(CliText.Row_Received, Yuan(figures.Received))
            .Row(CliText.Row_PrincipalBasis, Yuan(figures.PrincipalBasis))
            .Row(CliText.Row_OfferInstalment, Yuan(report.Instalment) + " × " + report.Instalments.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Row(CliText.Row_TotalRepayable, Yuan(figures.TotalRepayable))
            .Row(CliText.Row_TotalCost, Yuan(figures.TotalCost))
            .Row(CliText.Row_IrrAnnualNominal, figures.IrrAnnualNominal is { } rate ? RateLoanReport.Percent(rate) : CliText.Value_None, bold: true);
        if (figures.StatedAnnual is { } advertised)
        {
            table.Row(CliText.Row_StatedAnnual, RateLoanReport.Percent(advertised));
        }

        table.Row(CliText.Row_OfferViews, report.ViewsReason);
        foreach (var view in report.Views)
        {
            table.Row(CliText.Row_CapAnnual + "（" + view.Name + "）", RateLoanReport.Percent((double)view.CapAnnual) + " — " + view.CapText + "（" + view.StatusText + "）");
        }

        if (report.IncomeShare is { } share)
        {
            table.Row(CliText.Row_IncomeShare, RateLoanReport.Percent(share));
        }

        table.Write(console);
        Section(console, CliText.Row_Findings, report.Findings.Select(f => $"[{Severity(f.Severity)}] {f.Text}"));
        Section(console, CliText.Row_Assumptions, report.Assumptions);
        Section(console, CliText.Row_Uncertain, report.Uncertain.Select(u => u.Message));
        Section(console, CliText.Row_Citations, report.Citations.Select(c => $"[{c.Id}] {c.Law} {c.Article}（{c.StatusText}）"));
        Verdict(console, report.VerdictText);
    }

    private static string Severity(string severity) => severity switch
    {
        "avoid" => CliText.Severity_Avoid,
        "caution" => CliText.Severity_Caution,
        _ => CliText.Severity_Note,
    };
}
