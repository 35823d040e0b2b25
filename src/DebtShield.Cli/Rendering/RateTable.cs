using System.Globalization;
using DebtShield.App.RateLoans;
using DebtShield.Cli.Resources;
using Spectre.Console;

namespace DebtShield.Cli.Rendering;

/// <summary>Renders a rate report as a two-column table, the notes, and the verdict.</summary>
internal static class RateTable
{
    public static void Write(IAnsiConsole console, RateLoanReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(CliText.Column_Item)
            .AddColumn(new TableColumn(CliText.Column_Value).RightAligned());

        Row(table, CliText.Row_Loan, report.Id);
        Row(table, CliText.Row_Lender, $"{report.LenderName} ({report.LenderKind})");
        Row(table, CliText.Row_Principal, Yuan(report.Principal));
        Row(table, CliText.Row_Received, Yuan(report.Received));
        Row(table, CliText.Row_UpfrontDeduction, Yuan(report.UpfrontDeduction));
        Row(table, CliText.Row_PrincipalBasis, Yuan(report.PrincipalBasis));
        Row(table, CliText.Row_TotalRepayable, Yuan(report.TotalRepayable));
        Row(table, CliText.Row_TotalCost, Yuan(report.TotalCost));
        Row(table, CliText.Row_Period, report.Period == "month"
            ? CliText.Period_Month
            : string.Format(CultureInfo.CurrentCulture, CliText.Period_Days, report.Period.TrimEnd('d'), report.PeriodsPerYear.ToString("0.##", CultureInfo.InvariantCulture)));
        Row(table, CliText.Row_IrrAnnualNominal, Rate(report.IrrAnnualNominal), bold: true);
        Row(table, CliText.Row_IrrAnnualEffective, Rate(report.IrrAnnualEffective));
        Row(table, CliText.Row_XirrAnnual, Rate(report.XirrAnnual));
        Row(table, CliText.Row_AprSimple, Rate(report.AprSimple));
        Row(table, CliText.Row_AprRegZ, Rate(report.AprRegZ));
        Row(table, CliText.Row_StatedAnnual, Rate(report.StatedAnnual));
        if (report.OnContractPrincipal is { } lenderView)
        {
            Row(table, CliText.Row_OnContractPrincipal, string.Format(
                CultureInfo.CurrentCulture, CliText.Value_OnContract, Rate(lenderView.IrrAnnualNominal), Rate(lenderView.AprSimple)));
        }

        console.Write(table);
        if (report.Notes.Count > 0)
        {
            console.MarkupLine($"[dim]{Markup.Escape(CliText.Row_Notes)}[/]");
            foreach (var note in report.Notes)
            {
                console.MarkupLine("  • " + Markup.Escape(note.Message));
            }
        }

        console.MarkupLine($"[bold]{Markup.Escape(report.Verdict)}[/]");
    }

    private static void Row(Table table, string label, string value, bool bold = false) =>
        table.AddRow(new Markup(Markup.Escape(label)), new Markup(bold ? $"[bold]{Markup.Escape(value)}[/]" : Markup.Escape(value)));

    private static string Yuan(decimal yuan) => "¥" + yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static string Rate(double? fraction) => fraction is { } value ? RateLoanReport.Percent(value) : CliText.Value_None;
}
