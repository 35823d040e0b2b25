using DebtShield.App.CheckContract;
using DebtShield.Cli.Resources;
using Spectre.Console;
using static DebtShield.Cli.Rendering.FigureTable;

namespace DebtShield.Cli.Rendering;

/// <summary>Renders a clause or scam check: each finding with the clause quoted, why, what to do and the law.</summary>
internal static class ClauseTable
{
    public static void Write(IAnsiConsole console, ClauseCheckReport report)
    {
        var number = 0;
        foreach (var finding in report.Findings)
        {
            console.MarkupLine($"[bold]{++number}. {Markup.Escape(finding.Title)}[/]");
            console.MarkupLine("   [dim]“" + Markup.Escape(Shorten(finding.Text)) + "”[/]");
            console.MarkupLine("   " + Markup.Escape(CliText.Clause_Why + finding.Explain));
            console.MarkupLine("   " + Markup.Escape(CliText.Clause_Action + finding.Action));
            if (finding.Citations.Count > 0)
            {
                console.MarkupLine("   [dim]" + Markup.Escape(CliText.Clause_Law + string.Join(", ", finding.Citations)) + "[/]");
            }
        }

        Section(console, CliText.Row_Citations, report.Citations.Select(c => $"[{c.Id}] {c.Law} {c.Article}（{c.Status}）"));
        Verdict(console, report.Summary);
    }

    private static string Shorten(string clause) => clause.Length <= 160 ? clause : clause[..157] + "…";
}
