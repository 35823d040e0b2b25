using System.Globalization;
using DebtShield.Cli.Resources;
using DebtShield.Core.Vocabulary;
using Spectre.Console;

namespace DebtShield.Cli.Rendering;

/// <summary>The two-column "item / value" table every report starts with, and the bullet sections after it.</summary>
internal sealed class FigureTable
{
    private readonly Table _table = new Table().Border(TableBorder.Rounded)
        .AddColumn(CliText.Column_Item)
        .AddColumn(new TableColumn(CliText.Column_Value).RightAligned());

    public FigureTable Row(string label, string value, bool bold = false)
    {
        _table.AddRow(new Markup(Markup.Escape(label)), new Markup(bold ? $"[bold]{Markup.Escape(value)}[/]" : Markup.Escape(value)));
        return this;
    }

    public void Write(IAnsiConsole console) => console.Write(_table);

    /// <summary>
    /// A lawful figure: one amount, or "X 至 Y" when the top of its range is higher (an overdue
    /// loan whose agreed overdue terms are not known), so the low end is never shown as the most owed.
    /// </summary>
    public static string YuanRange(decimal low, decimal? most) =>
        most is { } top && top > low ? string.Format(CultureInfo.CurrentCulture, CliText.Figure_Range, Yuan(low), Yuan(top)) : Yuan(low);

    public static string Yuan(decimal yuan) => (yuan < 0 ? "-¥" : "¥") + Math.Abs(yuan).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// A lender kind as the user says it (网贷平台, online lending platform), never the wire id the
    /// reports carry for programs; an id no vocabulary knows is shown as it came.
    /// </summary>
    public static string LenderKind(string wireId) =>
        Vocabularies.LenderKinds.TryParse(wireId, out var kind) ? Vocabularies.LenderKinds[kind].Name(CultureInfo.CurrentUICulture) : wireId;

    public static void Section(IAnsiConsole console, string title, IEnumerable<string> lines)
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

    public static void Verdict(IAnsiConsole console, string verdict) => console.MarkupLine($"[bold]{Markup.Escape(verdict)}[/]");
}
