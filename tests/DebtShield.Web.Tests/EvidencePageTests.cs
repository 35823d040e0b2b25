using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DebtShield.App.ClassifyMessages;
using DebtShield.Import.LegalData;

namespace DebtShield.Web.Tests;

/// <summary>The evidence page over real HTTP: why each label applies, and the numbers an import did not keep.</summary>
public sealed class EvidencePageTests
{
    private const string Threat = "不还钱就把你的欠款信息发给你通讯录里所有人 <b>明天</b>";

    [Fact]
    public async Task EvidencePage_LabelledMessage_ShowsRuleWordsCitationAndGuideLink()
    {
        // Given a collector's threat kept from a backup
        await using var app = await RunningApp.StartAsync(demo: false);
        var finding = ClassifyMessage.Analyze(new Core.Conduct.ConductMessage(Threat, Core.Conduct.Recipient.Borrower)).Findings
            .First(f => f.Label == Core.Conduct.ConductLabel.ThreatExposure);
        var citation = LegalDataReader.Citations[finding.Citations[0]];
        await ImportAsync(app, Backup(("17000001234", new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.FromHours(8)), Threat)), "17000001234");

        // When the page is read
        var html = await app.Client.GetStringAsync("/evidence");
        var reason = Section(html, "<li class=\"reason\">", "</li>");

        // Then the label says why: the rule, the words that matched (escaped), the law and what to do
        Assert.Contains("威胁爆通讯录", reason, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(finding.Explanation.Chinese), reason, StringComparison.Ordinal);
        Assert.Contains("<mark>" + WebUtility.HtmlEncode(Threat[finding.Start!.Value..finding.End!.Value]) + "</mark>", reason, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(citation.LawZh) + citation.Article, reason, StringComparison.Ordinal);
        Assert.Contains("href=\"/guide/today\"", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>明天", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvidencePage_InEnglish_ShowsTheRuleInEnglish()
    {
        await using var app = await RunningApp.StartAsync(demo: false);
        var finding = ClassifyMessage.Analyze(new Core.Conduct.ConductMessage(Threat, Core.Conduct.Recipient.Borrower)).Findings
            .First(f => f.Label == Core.Conduct.ConductLabel.ThreatExposure);
        await ImportAsync(app, Backup(("17000001234", new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.FromHours(8)), Threat)), "17000001234");

        var html = await app.Client.GetStringAsync("/evidence?lang=en");

        Assert.Contains(WebUtility.HtmlEncode(finding.Explanation.English), html, StringComparison.Ordinal);
        Assert.Contains("What to do:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundle_Timeline_ShowsWhyEachLabelApplies()
    {
        await using var app = await RunningApp.StartAsync(demo: false);
        var finding = ClassifyMessage.Analyze(new Core.Conduct.ConductMessage(Threat, Core.Conduct.Recipient.Borrower)).Findings
            .First(f => f.Label == Core.Conduct.ConductLabel.ThreatExposure);
        var citation = LegalDataReader.Citations[finding.Citations[0]];
        await ImportAsync(app, Backup(("17000001234", new DateTimeOffset(2026, 11, 3, 23, 30, 0, TimeSpan.FromHours(8)), Threat)), "17000001234");

        var response = await app.Client.GetAsync("/evidence?handler=Bundle");
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(zip.GetEntry("timeline.html")!.Open(), Encoding.UTF8);
        var timeline = await reader.ReadToEndAsync();

        Assert.Contains(WebUtility.HtmlEncode(finding.Explanation.Chinese), timeline, StringComparison.Ordinal);
        Assert.Contains("匹配的文字：「<mark>", timeline, StringComparison.Ordinal);
        Assert.Contains("依据：" + WebUtility.HtmlEncode(citation.LawZh), timeline, StringComparison.Ordinal);
        Assert.Contains("通讯录被爆了：今天就能做的事", timeline, StringComparison.Ordinal);

        // the night-time label has no words, but its rule and basis still show
        Assert.Contains("非允许时段催收</span> 在 22:00 至次日 8:00 之间催收", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>明天", timeline, StringComparison.Ordinal);
    }

    /// <summary>An "SMS Backup &amp; Restore" file of received texts.</summary>
    internal static string Backup(params (string Number, DateTimeOffset Time, string Text)[] messages)
    {
        var xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"")
            .Append(messages.Length).Append("\">\n");
        foreach (var (number, time, text) in messages)
        {
            xml.Append("<sms address=\"").Append(number).Append("\" date=\"").Append(time.ToUnixTimeMilliseconds())
                .Append("\" type=\"1\" body=\"").Append(WebUtility.HtmlEncode(text)).Append("\" readable_date=\"\" contact_name=\"\" />\n");
        }

        return xml.Append("</smses>\n").ToString();
    }

    /// <summary>Uploads a backup through the page's form, as the browser does.</summary>
    internal static async Task<HttpResponseMessage> ImportAsync(RunningApp app, string backup, string? collectors = null)
    {
        var (_, token) = await app.FormAsync("/evidence");
        using var file = new ByteArrayContent(Encoding.UTF8.GetBytes(backup));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "backup", "sms.xml" },
            { new StringContent(collectors ?? ""), "Collectors" },
        };
        var response = await app.Client.PostAsync("/evidence?handler=Import", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static string Section(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, "no " + start + " on the page");
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
