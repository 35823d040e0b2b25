using System.Globalization;
using DebtShield.App.CheckLender;
using DebtShield.Cli.Resources;
using Spectre.Console;
using static DebtShield.Cli.Rendering.FigureTable;

namespace DebtShield.Cli.Rendering;

/// <summary>Renders the lender check: the result, the list entry's sources, hints and suggestions.</summary>
internal static class LenderTable
{
    public static void Write(IAnsiConsole console, LenderCheckReport report)
    {
        Verdict(console, report.ResultText);
        if (report.KindExplanation is { } explanation)
        {
            console.MarkupLine(Markup.Escape(explanation));
        }

        Section(console, CliText.Lender_Sources, report.Sources.Select(s => $"[{s.Id}] {s.Title}（{s.Status}）{(s.Url is null ? "" : " " + s.Url)}"));
        Section(console, CliText.Lender_Hints, report.NameHints);
        Section(console, CliText.Lender_Suggestions, report.Suggestions);
        Section(console, CliText.Row_Citations, report.Citations.Select(c => $"[{c.Id}] {c.Law} {c.Article}（{c.Status}）"));
        console.MarkupLine("[dim]" + Markup.Escape(string.Format(CultureInfo.CurrentCulture, CliText.Lender_ListVersion, report.ListVersion, report.ListLastChecked.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), FigureTable.LenderKind(report.LenderKind))) + "[/]");
    }
}
