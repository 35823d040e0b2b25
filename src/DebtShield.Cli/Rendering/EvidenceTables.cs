using System.Globalization;
using DebtShield.App.ReviewEvidence;
using DebtShield.Cli.Resources;
using DebtShield.Core;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using Spectre.Console;

namespace DebtShield.Cli.Rendering;

/// <summary>A case's evidence as a table, and its figures.</summary>
internal static class EvidenceTables
{
    public static void Write(IAnsiConsole console, CaseEvidenceView view)
    {
        if (view.Items.Count == 0)
        {
            console.MarkupLine(Markup.Escape(CliText.Evidence_ListEmpty));
            return;
        }

        console.MarkupLine($"[bold]{Markup.Escape(view.CaseTitle ?? "")}[/]  [dim]{Markup.Escape(string.Format(CultureInfo.CurrentCulture, CliText.Evidence_Head, view.Head.Count, view.Head.Hash.Hex[..16]))}[/]");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("#").RightAligned());
        table.AddColumn(CliText.Evidence_Time);
        table.AddColumn(CliText.Evidence_Channel);
        table.AddColumn(CliText.Evidence_Number);
        table.AddColumn(CliText.Evidence_Recipient);
        table.AddColumn(CliText.Evidence_Text);
        table.AddColumn(CliText.Evidence_Labels);
        foreach (var item in view.Items)
        {
            var incident = item.Entry.Incident;
            var sequence = item.Entry.Sequence.ToString(CultureInfo.InvariantCulture);
            table.AddRow(
                item.Stands ? sequence : $"[dim strikethrough]{sequence}[/]",
                Markup.Escape(incident.Time.ToOffset(ChinaStandardTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                Markup.Escape(EvidenceNames.Channel(incident) + (incident.Direction == IncidentDirection.Sent ? " ↗" : "")),
                Markup.Escape(DisplayText.Neutralise(incident.Counterpart ?? "—")),
                Markup.Escape(DisplayText.Neutralise(EvidenceNames.Recipient(incident))),
                Markup.Escape(DisplayText.Neutralise(Shorten(incident.Text))) + (item.NeedsConfirmation
                    ? $" [yellow]({Markup.Escape(string.Format(CultureInfo.CurrentCulture, CliText.Evidence_ToConfirm, (int)Math.Round(item.ReadConfidence!.Value * 100)))})[/]"
                    : ""),
                string.Join(" ", item.Labels.Select(l => l.IsAbusive() ? $"[red]{Markup.Escape(EvidenceNames.Label(l))}[/]" : Markup.Escape(EvidenceNames.Label(l)))));
        }

        console.Write(table);
    }

    /// <summary>
    /// Why each listed entry carries each of its labels, as the evidence page and the bundle's
    /// timeline say it (<see cref="LabelReasons"/>): the rule, the collector's words, the basis with
    /// how well it is checked, and the guide topic that says what to do.
    /// </summary>
    public static void WriteReasons(IAnsiConsole console, CaseEvidenceView view)
    {
        var culture = CultureInfo.CurrentCulture;
        var labelled = view.Items.Where(i => i.Labels.Count > 0).ToList();
        if (labelled.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine($"[bold]{Markup.Escape(CliText.Evidence_WhyHeader)}[/]");
        foreach (var item in labelled)
        {
            foreach (var reason in LabelReasons.Of(item, CultureInfo.CurrentUICulture))
            {
                console.MarkupLine(Markup.Escape(string.Format(culture, CliText.Evidence_WhyLabel, item.Entry.Sequence, reason.LabelName, reason.Explanation)));
                if (reason.Quotes.Count > 0)
                {
                    Indented(console, string.Format(culture, CliText.Evidence_WhyWords, string.Concat(reason.Quotes.Select(q => "「" + q + "」"))));
                }

                if (reason.Citations.Count > 0)
                {
                    Indented(console, string.Format(culture, CliText.Evidence_WhyBasis, reason.Basis));
                }

                Indented(console, string.Format(culture, CliText.Evidence_WhyWhatToDo, reason.GuideTitle, reason.GuideTopic));
            }
        }
    }

    /// <summary>A line under an entry's label, wrapped lines indented as the first.</summary>
    private static void Indented(IAnsiConsole console, string text) => console.Write(new Padder(new Text(text), new Padding(4, 0, 0, 0)));

    public static void Write(IAnsiConsole console, string? caseTitle, EvidenceStatistics statistics)
    {
        if (statistics.Incidents == 0)
        {
            console.MarkupLine(Markup.Escape(CliText.Evidence_ListEmpty));
            return;
        }

        var culture = CultureInfo.CurrentCulture;
        console.MarkupLine($"[bold]{Markup.Escape(caseTitle ?? "")}[/]");
        console.MarkupLine(Markup.Escape(string.Format(culture, CliText.Evidence_StatsSummary, statistics.Incidents, statistics.OffHours, statistics.FrequencyBreaches.Count, statistics.ContactsReached.Count)));
        var labels = new Table().Border(TableBorder.Rounded).AddColumn(CliText.Evidence_Labels).AddColumn(new TableColumn(CliText.Evidence_Count).RightAligned());
        foreach (var count in statistics.PerLabel)
        {
            labels.AddRow(Markup.Escape(EvidenceNames.Label(count.Label)), count.Count.ToString(culture));
        }

        console.Write(labels);
        var numbers = new Table().Border(TableBorder.Rounded).AddColumn(CliText.Evidence_Number).AddColumn(new TableColumn(CliText.Evidence_Count).RightAligned())
            .AddColumn(new TableColumn(CliText.Evidence_Calls).RightAligned()).AddColumn(CliText.Evidence_Period);
        foreach (var number in statistics.PerCounterpart)
        {
            numbers.AddRow(
                Markup.Escape(DisplayText.Neutralise(number.Counterpart ?? "—")),
                number.Incidents.ToString(culture),
                number.Calls.ToString(culture),
                Markup.Escape(Day(number.First) + " – " + Day(number.Last)));
        }

        console.Write(numbers);
        foreach (var breach in statistics.FrequencyBreaches)
        {
            console.MarkupLine(Markup.Escape(string.Format(culture, CliText.Evidence_Breach, breach.Day, breach.Counterpart ?? "—", breach.Count, breach.Limit)));
        }

        foreach (var contact in statistics.ContactsReached)
        {
            console.MarkupLine(Markup.Escape(string.Format(culture, CliText.Evidence_ContactReached, contact.Name, contact.Incidents, Day(contact.FirstReached))));
        }
    }

    private static string Day(DateTimeOffset time) => time.ToOffset(ChinaStandardTime.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shorten(string? text)
    {
        if (text is null)
        {
            return "";
        }

        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 60 ? line : line[..59] + "…";
    }
}
