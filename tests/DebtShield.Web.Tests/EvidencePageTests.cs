using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DebtShield.App.ClassifyMessages;
using DebtShield.Import.LegalData;
using DebtShield.Tests.Screenshots;

namespace DebtShield.Web.Tests;

/// <summary>
/// The evidence page over real HTTP: why each label applies, and the numbers an import did not
/// keep. The class's tests share one running app, each on a new case of its own.
/// </summary>
public sealed class EvidencePageTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private const string Threat = "不还钱就把你的欠款信息发给你通讯录里所有人 <b>明天</b>";

    [Fact]
    public async Task EvidencePage_LabelledMessage_ShowsRuleWordsCitationAndGuideLink()
    {
        // Given a collector's threat kept from a backup
        await using var app = await shared.App.OnNewCaseAsync();
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
        await using var app = await shared.App.OnNewCaseAsync();
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
        await using var app = await shared.App.OnNewCaseAsync();
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

    [Fact]
    public async Task Import_UnnamedNumber_IsListedAndMarkingItKeepsItsTextsFromTheSameFile()
    {
        // Given a backup with seven texts in one hour from a number the borrower did not name, and a friend's text
        await using var app = await shared.App.OnNewCaseAsync();
        var start = new DateTimeOffset(2026, 11, 3, 14, 0, 0, TimeSpan.FromHours(8));
        var texts = Enumerable.Range(0, 7)
            .Select(i => ("+86 171 9876 0000", start.AddMinutes(i * 9), "您好，您在本平台的借款已逾期，请今天处理，第" + (i + 1) + "次提醒"))
            .Append(("13900001111", start.AddMinutes(5), "晚上回家吃饭吗"))
            .ToArray();
        await ImportAsync(app, Backup(texts));
        var listed = await app.Client.GetStringAsync("/evidence");
        var before = await EntriesAsync(app);

        // When the borrower marks it
        var (_, token) = await app.FormAsync("/evidence");
        var heldToken = System.Text.RegularExpressions.Regex.Match(listed, "name=\"token\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        using var keep = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("token", heldToken), new("number", "17198760000")]);
        var kept = await app.Client.PostAsync("/evidence?handler=Keep", keep);
        var after = await app.Client.GetStringAsync("/evidence");
        await app.PostFormAsync("/evidence", "/evidence?handler=Verify", []);
        var verified = await app.Client.GetStringAsync("/evidence");

        // Then it was listed with its count, times and a sample, nothing was kept before the click,
        // all seven are kept after it (no upload), the friend's text stays out, and the chain holds
        var section = Section(listed, "<section class=\"skipped\"", "</section>");
        Assert.Contains("17198760000", section, StringComparison.Ordinal);
        Assert.Contains("短信 7 条，来电 0 次", section, StringComparison.Ordinal);
        Assert.Contains("2026-11-03 14:00 至 2026-11-03 14:54", section, StringComparison.Ordinal);
        Assert.Contains("第7次提醒", section, StringComparison.Ordinal);
        Assert.Contains("标为催收号码", section, StringComparison.Ordinal);
        Assert.Equal(0, before);
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Equal(7, await EntriesAsync(app));
        Assert.Contains("已把 17198760000 标为催收号码，从同一个文件保存了 7 条。", after, StringComparison.Ordinal);
        Assert.Contains("催收过于频繁", after, StringComparison.Ordinal);
        Assert.DoesNotContain("晚上回家吃饭吗", Section(after, "<ol class=\"timeline\">", "</ol>"), StringComparison.Ordinal);
        Assert.Contains("13900001111", Section(after, "<section class=\"skipped\"", "</section>"), StringComparison.Ordinal);
        Assert.DoesNotContain("<strong class=\"number\">17198760000", after, StringComparison.Ordinal);
        Assert.Contains("证据链完整", verified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keep_WithoutTheHeldFile_IsRefusedInWordsAndKeepsNothing()
    {
        await using var app = await shared.App.OnNewCaseAsync();

        var refused = await app.PostFormAsync("/evidence", "/evidence?handler=Keep", [new("token", "00112233445566778899aabbccddeeff"), new("number", "17198760000")]);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("刚才的文件已不在程序里", html, StringComparison.Ordinal);
        Assert.Equal(0, await EntriesAsync(app));
    }

    [Fact]
    public async Task Keep_ANumberTheFileDidNotSkip_IsRefusedAndKeepsNothing()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        await ImportAsync(app, Backup(("13900001111", new DateTimeOffset(2026, 11, 3, 14, 0, 0, TimeSpan.FromHours(8)), "晚上回家吃饭吗")));
        var listed = await app.Client.GetStringAsync("/evidence");
        var heldToken = System.Text.RegularExpressions.Regex.Match(listed, "name=\"token\" value=\"([0-9a-f]+)\"").Groups[1].Value;

        var refused = await app.PostFormAsync("/evidence", "/evidence?handler=Keep", [new("token", heldToken), new("number", "17000009999")]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("17000009999 不是刚才那个文件里没有保存的号码", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await EntriesAsync(app));
    }

    [Fact]
    public async Task Screenshots_AreShownBeforeAnythingIsKept_AndOnlyTickedBubblesAreAppended()
    {
        // Given a chat screenshot uploaded through the page
        await using var app = await shared.App.OnNewCaseAsync();
        var image = ChatScreenshotPainter.Paint("催收王经理",
        [
            new ChatStamp("昨天 21:43"),
            new ChatBubble(false, "您好，您在我司的借款已逾期3天，当前应还金额2180元，请尽快还款。"),
            new ChatBubble(true, "请不要联系我的家人，我会和你们协商。"),
        ]);
        await UploadScreenshotAsync(app, ("Screenshot_20261104-210500.png", image));
        var review = await app.Client.GetStringAsync("/evidence");
        var before = await EntriesAsync(app);

        // When the borrower keeps only the first bubble
        var token = System.Text.RegularExpressions.Regex.Match(review, "name=\"token\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        var confirmed = await app.PostFormAsync("/evidence", "/evidence?handler=ConfirmScreenshots", [new("token", token), new("chosen", "0:0")]);
        var after = await app.Client.GetStringAsync("/evidence");
        using var evidence = System.Text.Json.JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/evidence"));

        // Then what was read was shown with sides, times and confidence, nothing was kept until then, and only that bubble is kept
        var section = Section(review, "<section class=\"screenshot-review\"", "</section>");
        Assert.Contains("对方发来", section, StringComparison.Ordinal);
        Assert.Contains("我发出", section, StringComparison.Ordinal);
        Assert.Contains("2026-11-03 21:43", section, StringComparison.Ordinal);
        Assert.Contains("识别把握", section, StringComparison.Ordinal);
        Assert.Contains("value=\"0:1\"", section, StringComparison.Ordinal);
        Assert.Equal(0, before);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var item = Assert.Single(evidence.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("received", item.GetProperty("direction").GetString());
        Assert.DoesNotContain("screenshot-review", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screenshots_ABillPage_IsSaidNotToBeAChatAndNothingIsKeptOrOffered()
    {
        await using var app = await shared.App.OnNewCaseAsync();

        await UploadScreenshotAsync(app, ("bill.png", BillPagePainter.Paint()));
        var page = await app.Client.GetStringAsync("/evidence");

        Assert.Contains("bill.png：看起来不是聊天截图", page, StringComparison.Ordinal);
        Assert.DoesNotContain("screenshot-review", page, StringComparison.Ordinal);
        Assert.Equal(0, await EntriesAsync(app));
    }

    [Fact]
    public async Task Screenshots_TheSamePictureUnderTwoNames_ShowTheCopyReadOnceWithNothingToTick()
    {
        // Given a chat screenshot and the same picture saved again from WeChat, uploaded together
        await using var app = await shared.App.OnNewCaseAsync();
        var image = ChatScreenshotPainter.Paint("催收王经理", [new ChatStamp("昨天 21:43"), new ChatBubble(false, "今天下午6点前不还，我们就联系你的家人。")]);

        // When the page shows what was read
        await UploadScreenshotAsync(app, ("Screenshot_20261104-211000.png", image), ("mmexport1730726400000.png", image));
        var section = Section(await app.Client.GetStringAsync("/evidence"), "<section class=\"screenshot-review\"", "</section>");

        // Then the copy is named as the same picture as the first, read once, and only the first's bubble is offered
        Assert.Contains("<legend>mmexport1730726400000.png</legend>", section, StringComparison.Ordinal);
        Assert.Contains("和 Screenshot_20261104-211000.png 是同一张图片，只读取一次。", section, StringComparison.Ordinal);
        Assert.Contains("value=\"0:0\"", section, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"1:", section, StringComparison.Ordinal);
        Assert.DoesNotContain("以前导入过", section, StringComparison.Ordinal);
    }

    private static async Task UploadScreenshotAsync(RunningApp app, params (string Name, byte[] Image)[] screenshots)
    {
        var (_, token) = await app.FormAsync("/evidence");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, image) in screenshots)
        {
            form.Add(new ByteArrayContent(image), "screenshots", name);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await app.Client.PostAsync("/evidence?handler=Screenshots", form)).StatusCode);
    }

    private static async Task<int> EntriesAsync(RunningApp app)
    {
        using var evidence = System.Text.Json.JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/evidence"));
        return evidence.RootElement.GetProperty("total").GetInt32();
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
