using System.Globalization;
using DebtShield.App.CheckLoans;
using DebtShield.App.RateLoans;
using DebtShield.Cli.Resources;
using Spectre.Console;

namespace DebtShield.Cli.Rendering;

/// <summary>Renders a legal check: the figures, the flags, what is uncertain, the steps and the law.</summary>
internal static class CheckTable
{
    public static void Write(IAnsiConsole console, CheckLoanReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(CliText.Column_Item)
            .AddColumn(new TableColumn(CliText.Column_Value).RightAligned());
        Row(table, CliText.Row_Loan, report.Id);
        Row(table, CliText.Row_AsOf, report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row(table, CliText.Row_PrincipalBasis, Yuan(report.PrincipalBasis));
        Row(table, CliText.Row_RateAnnual, report.RateAnnual is { } rate ? RateLoanReport.Percent(rate) : CliText.Value_None);
        Row(table, CliText.Row_CapAnnual, RateLoanReport.Percent((double)report.CapAnnual));
        Row(table, CliText.Row_CapBasis, report.CapBasis);
        Row(table, CliText.Row_Paid, Yuan(report.Lawful.Paid));
        if (report.Lawful.Overpaid > 0)
        {
            Row(table, CliText.Row_Overpaid, Yuan(report.Lawful.Overpaid), bold: true);
        }
        else
        {
            Row(table, CliText.Row_LawfulPrincipal, Yuan(report.Lawful.PrincipalOutstanding));
            Row(table, CliText.Row_LawfulInterest, Yuan(report.Lawful.InterestDue));
            Row(table, CliText.Row_LawfulTotal, Yuan(report.Lawful.TotalDue), bold: true);
        }

        Row(table, CliText.Row_AtContractRate, Yuan(report.AtContractRate.TotalDue));
        if (report.Demanded is { } demanded)
        {
            Row(table, CliText.Row_Demanded, Yuan(demanded));
            Row(table, CliText.Row_ExcessDemanded, Yuan(report.ExcessDemanded!.Value), bold: true);
        }

        console.Write(table);
        Section(console, CliText.Row_Flags, report.Flags.Select(f => CliText.ResourceManager.GetString("Flag_" + f, CultureInfo.CurrentUICulture) ?? f));
        Section(console, CliText.Row_Uncertain, report.Uncertain.Select(u => u.Message));
        Section(console, CliText.Row_Steps, report.Steps.Select((s, i) => $"{i + 1}. {s.Text}"));
        Section(console, CliText.Row_Citations, report.Citations.Select(c => $"[{c.Id}] {c.Law} {c.Article}（{c.Status}）"));
        console.MarkupLine($"[bold]{Markup.Escape(report.Verdict)}[/]");
    }

    private static void Section(IAnsiConsole console, string title, IEnumerable<string> lines)
    {
        var items = lines.ToArray();
        if (items.Length == 0)
        {
            return;
        }

        console.MarkupLine($"[dim]{Markup.Escape(title)}[/]");
        foreach (var line in items)
        {
            console.MarkupLine("  • " + Markup.Escape(line));
        }
    }

    private static void Row(Table table, string label, string value, bool bold = false) =>
        table.AddRow(new Markup(Markup.Escape(label)), new Markup(bold ? $"[bold]{Markup.Escape(value)}[/]" : Markup.Escape(value)));

    private static string Yuan(decimal yuan) => "¥" + yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
