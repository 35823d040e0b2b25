using System.Globalization;
using System.Net;
using System.Text;
using DebtShield.App.ReviewEvidence;
using DebtShield.Core;
using DebtShield.Core.Evidence;

namespace DebtShield.App.ExportEvidence;

/// <summary>
/// The bundle's <c>timeline.html</c>: every entry in Chinese, printable, with its time, number,
/// recipient, text (the analyser's evidence spans marked), labels, attachments and hash. One
/// self-contained file with no script, so it opens the same anywhere and prints as it shows.
/// </summary>
/// <remarks>Every piece of text is HTML-encoded: a collector's message with markup shows as text.</remarks>
internal static class EvidenceTimelineHtml
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static string Render(CaseEvidenceView view, IReadOnlyDictionary<string, string> attachmentFiles, DateTimeOffset exportedAt)
    {
        var html = new StringBuilder(4096 + (view.Items.Count * 600));
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(Encode(Text("Timeline_Title"))).Append(" — ").Append(Encode(view.CaseTitle ?? "")).Append("</title>\n<style>\n")
            .Append("body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;margin:1.5em;line-height:1.5;color:#111}")
            .Append("table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3em .5em;vertical-align:top;text-align:left}")
            .Append("th{background:#eee}mark{background:#ffd54f}.hash{font-family:monospace;font-size:.75em;word-break:break-all;color:#444}")
            .Append(".superseded{color:#777;text-decoration:line-through}.why{margin:.2em 0 .5em;font-size:.9em}.labels span{display:inline-block;border:1px solid #b71c1c;color:#b71c1c;border-radius:3px;padding:0 .3em;margin:.1em;font-size:.85em}")
            .Append("@media print{body{margin:0}tr{page-break-inside:avoid}}\n</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Encode(Text("Timeline_Title"))).Append("</h1>\n<p>")
            .Append(Encode(string.Format(Chinese, Text("Timeline_Summary"), view.CaseTitle, view.Items.Count, Local(exportedAt), ExportEvidenceBundle.ToolVersion)))
            .Append("</p>\n<p class=\"hash\">").Append(Encode(Text("Timeline_Head"))).Append(' ').Append(view.Head.Hash.Hex).Append("</p>\n");
        if (view.LatestStamp is { } stamp)
        {
            html.Append("<p>").Append(Encode(string.Format(Chinese, Text("Timeline_Stamped"), stamp.Count, stamp.Authority, Local(stamp.StampedAt)))).Append("</p>\n");
        }

        html.Append("<table>\n<thead><tr>");
        foreach (var column in new[] { "Timeline_Sequence", "Timeline_Time", "Timeline_Channel", "Timeline_From", "Timeline_To", "Timeline_Content", "Timeline_Labels" })
        {
            html.Append("<th>").Append(Encode(Text(column))).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        var retractions = view.Items.Where(i => i.Entry.IsRetraction).Select(i => i.Entry.Sequence).ToHashSet();
        foreach (var item in view.Items)
        {
            var entry = item.Entry;
            var incident = entry.Incident;
            html.Append(item.Stands ? "<tr>" : "<tr class=\"superseded\">");
            html.Append("<td>").Append(entry.Sequence.ToString(CultureInfo.InvariantCulture));
            if (entry.Supersedes is { } old)
            {
                html.Append("<br>").Append(Encode(string.Format(Chinese, Text(entry.IsRetraction ? "Timeline_Retracts" : "Timeline_Corrects"), old)));
            }

            if (item.SupersededBy is { } by)
            {
                html.Append("<br>").Append(Encode(string.Format(Chinese, Text(retractions.Contains(by) ? "Timeline_RetractedBy" : "Timeline_CorrectedBy"), by)));
            }

            html.Append("</td><td>").Append(Encode(Local(incident.Time))).Append("</td>");
            html.Append("<td>").Append(Encode(EvidenceNames.Channel(incident, Chinese))).Append("</td>");
            var from = incident.Direction == IncidentDirection.Received ? incident.Counterpart : Text("Timeline_Borrower");
            var to = incident.Direction == IncidentDirection.Sent
                ? incident.Counterpart
                : incident.ContactName is { } contact ? string.Format(Chinese, Text("Timeline_Contact"), contact) : Text("Timeline_Borrower");
            html.Append("<td>").Append(Encode(from ?? "—")).Append("</td><td>").Append(Encode(to ?? "—")).Append("</td><td>");
            AppendMarked(html, incident.Text, item.Findings);
            foreach (var hash in incident.Attachments)
            {
                html.Append("<br>").Append(Encode(Text("Timeline_Attachment"))).Append(' ');
                if (attachmentFiles.TryGetValue(hash.Hex, out var file))
                {
                    html.Append("<a href=\"").Append(Encode(file)).Append("\">").Append(Encode(file)).Append("</a>");
                }

                html.Append("<div class=\"hash\">sha256 ").Append(hash.Hex).Append("</div>");
            }

            html.Append("<div class=\"hash\">").Append(Encode(ExportEvidenceBundle.RecordName(entry.Sequence))).Append(" sha256 ").Append(entry.Hash.Hex).Append("</div></td>");
            html.Append("<td class=\"labels\">");
            foreach (var reason in LabelReasons.Of(item, Chinese))
            {
                AppendReason(html, reason);
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p>").Append(Encode(Text("Timeline_Footer"))).Append("</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// One label with its why: the rule, the words that matched, the citations with their status, and
    /// the guide topic by its title (the file is read away from the app, so a link would lead nowhere).
    /// </summary>
    private static void AppendReason(StringBuilder html, LabelReason reason)
    {
        html.Append("<div class=\"why\"><span>").Append(Encode(reason.LabelName)).Append("</span> ").Append(Encode(reason.Explanation));
        if (reason.Quotes.Count > 0)
        {
            html.Append("<br>").Append(Encode(Text("Reason_Words")));
            foreach (var quote in reason.Quotes)
            {
                html.Append("「<mark>").Append(Encode(quote)).Append("</mark>」");
            }
        }

        if (reason.Citations.Count > 0)
        {
            html.Append("<br>").Append(Encode(Text("Reason_Basis")))
                .Append(Encode(reason.Basis));
        }

        html.Append("<br>").Append(Encode(string.Format(Chinese, Text("Reason_WhatToDo"), reason.GuideTitle))).Append("</div>");
    }

    private static void AppendMarked(StringBuilder html, string? text, IReadOnlyList<RecordedFinding> findings)
    {
        foreach (var segment in MarkedText.Split(text, findings))
        {
            html.Append(segment.Marked ? "<mark>" : "").Append(Encode(segment.Text)).Append(segment.Marked ? "</mark>" : "");
        }
    }

    private static string Local(DateTimeOffset time) =>
        time.ToOffset(ChinaStandardTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Text(string name) => EvidenceNames.Text(name, Chinese);

    private static string Encode(string text) => WebUtility.HtmlEncode(DisplayText.Neutralise(text));
}
