using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DebtShield.App.Ledgers;
using DebtShield.Data;
using DebtShield.Data.Protection;
using DebtShield.Tests.Shared;
using DebtShield.Web.Pages;

namespace DebtShield.Web.Tests;

/// <summary>
/// The pages and the API over real HTTP. Tests that change a case share one running app, each on a
/// new case of its own; tests that only read the demo case share one app over it, each from a
/// browser of its own; tests about the ledger itself (its cases, its protection, its start) start
/// their own.
/// </summary>
public sealed class PageTests(SharedApp shared, SharedDemoApp demo) : IClassFixture<SharedApp>, IClassFixture<SharedDemoApp>
{
    private static readonly string Demo = App.Demo.LoadDemo.Title;

    [Fact]
    public async Task StartPage_InChineseAndOnceSwitchedToEnglish_ShowsTheThreeDoors()
    {
        await using var app = demo.App.NewBrowser();

        var chinese = await app.Client.GetStringAsync("/");
        var english = await app.Client.GetStringAsync("/?lang=en");
        var remembered = await app.Client.GetStringAsync("/loans");

        Assert.Contains("我已经被爆通讯录了", chinese, StringComparison.Ordinal);
        Assert.Contains("我快要逾期了", chinese, StringComparison.Ordinal);
        Assert.Contains("我想借一笔钱", chinese, StringComparison.Ordinal);
        Assert.Contains("My contacts are being messaged", english, StringComparison.Ordinal);
        Assert.Contains(">Loans<", remembered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contacts", "/evidence", "12321")]
    [InlineData("overdue", "/plan", "12348")]
    [InlineData("borrow", "/guide/scams", null)]
    public async Task Door_Followed_LeadsToItsPagesWithTheHotlinesOfItsGuideTopic(string door, string link, string? hotline)
    {
        await using var app = await shared.App.OnNewCaseAsync();

        var html = await app.Client.GetStringAsync("/start/" + door);

        Assert.Contains("href=\"" + link, html, StringComparison.Ordinal);
        if (hotline is not null)
        {
            Assert.Contains("<strong>" + hotline + "</strong>", html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/start/nowhere")).StatusCode);
    }

    [Fact]
    public async Task LoansPage_WithLoans_ShowsEachWithTheLawfulBalanceTheApiReports()
    {
        await using var app = demo.App.NewBrowser();

        var html = await app.Client.GetStringAsync("/loans");
        using var api = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/loans"));

        var loans = api.RootElement.GetProperty("loans").EnumerateArray().ToList();
        Assert.Equal(5, loans.Count);
        foreach (var loan in loans)
        {
            Assert.Contains(WebUtility.HtmlEncode(loan.GetProperty("id").GetString()!), html, StringComparison.Ordinal);
            var most = loan.GetProperty("lawfulMostDue");
            var shown = Figures.YuanRange(loan.GetProperty("lawfulTotalDue").GetDecimal(), most.ValueKind == JsonValueKind.Null ? null : most.GetDecimal());
            Assert.Contains(shown, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }

        var detail = await app.Client.GetStringAsync("/loans/" + Uri.EscapeDataString(loans[0].GetProperty("id").GetString()!));
        Assert.Contains("一步一步看", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoanForm_PostedWholeOrMissingAField_ListsTheLoanOrNamesTheFieldStoringNothing()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        var fields = new Dictionary<string, string>
        {
            ["Form.Id"] = "速借-1",
            ["Form.Lender"] = "速借",
            ["Form.Kind"] = "online_platform",
            ["Form.ContractDate"] = "2026-01-05",
            ["Form.Principal"] = "5000",
            ["Form.Received"] = "4500",
            ["Instalments"] = "6",
            ["Form.Amount"] = "950",
            ["Form.FirstDue"] = "2026-02-05",
        };

        var missing = await app.PostFormAsync("/loans", "/loans?handler=Add", fields.Where(f => f.Key != "Form.Amount"));
        var missingHtml = await missing.Content.ReadAsStringAsync();
        var added = await app.PostFormAsync("/loans", "/loans?handler=Add", fields);
        var list = await app.Client.GetStringAsync("/loans");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("缺少“每期应还（元）”", missingHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"速借-1\"", missingHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("已添加借款“速借-1”", list, StringComparison.Ordinal);
        Assert.Contains(">速借-1</a>", list, StringComparison.Ordinal);
        using var api = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/loans"));
        Assert.Equal(1, api.RootElement.GetProperty("loans").GetArrayLength());
    }

    [Fact]
    public async Task Form_PostedWithoutItsAntiforgeryToken_IsRefusedAndStoresNothing()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        await app.Client.GetStringAsync("/cases");

        using var content = new FormUrlEncodedContent([new("Title", "伪造的案件")]);
        var response = await app.Client.PostAsync("/cases", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("伪造的案件", await app.Client.GetStringAsync("/cases"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectorsMessage_HoldingMarkup_IsShownAsTextAndNeverRuns()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> 不还钱就把你的欠款信息发给你通讯录里所有人";
        var backup = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"1\">\n"
            + "<sms address=\"17000001234\" date=\"1762171200000\" type=\"1\" body=\"" + WebUtility.HtmlEncode(Hostile) + "\" readable_date=\"\" contact_name=\"\" />\n</smses>\n";

        var import = await PostRawAsync(app, "/api/v1/evidence/import?file=sms.xml&collector=17000001234", backup);
        var page = await app.Client.GetAsync("/evidence");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'self'; script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task ApiUpload_ABrowserCouldSendFromAnotherSite_IsRefusedAndStoresNothing()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        var backup = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "samples", "sms-backup.xml"));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(backup), "file", "sms-backup.xml" } };

        var response = await app.Client.PostAsync("/api/v1/evidence/import?file=sms-backup.xml", form);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var evidence = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/evidence"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(415, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(0, evidence.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task EvidenceApi_FilteredByLabel_ListsThoseAndNamesAFieldThatDoesNotRead()
    {
        await using var app = demo.App.NewBrowser();

        using var all = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/evidence"));
        using var offHours = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/evidence?label=off_hours"));
        using var byName = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/evidence?label=" + Uri.EscapeDataString("非允许时段催收"))); // the label's name, as the page shows it
        var bad = await app.Client.GetAsync("/api/v1/evidence?from=2026-13-01");
        using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());

        var labelled = offHours.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(10, all.RootElement.GetProperty("total").GetInt32());
        Assert.NotEmpty(labelled);
        Assert.Equal(offHours.RootElement.GetRawText(), byName.RootElement.GetRawText());
        Assert.True(labelled.Count < 10);
        Assert.All(labelled, i => Assert.Contains("off_hours", i.GetProperty("labels").EnumerateArray().Select(l => l.GetString())));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("from", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BundleDownload_OfACase_HoldsEveryEntryOfTheChainWithItsChecksums()
    {
        await using var app = demo.App.NewBrowser();

        var response = await app.Client.GetAsync("/evidence?handler=Bundle");
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());

        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(10, zip.Entries.Count(e => e.FullName.StartsWith("entries/", StringComparison.Ordinal)));
        Assert.NotNull(zip.GetEntry("SHA256SUMS"));
        Assert.NotNull(zip.GetEntry("timeline.html"));
    }

    [Fact]
    public async Task ChainCheck_IntactOrWithAnEditedRow_ShowsItIntactOrWhereItBreaks()
    {
        await using var app = await RunningApp.StartAsync();

        var intact = await app.PostFormAsync("/evidence", "/evidence?handler=Verify", []);
        var intactPage = await app.Client.GetStringAsync("/evidence");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(app.Ledger.Location.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE evidence_entries SET counterpart = '10000000000' WHERE sequence = 3";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        await app.PostFormAsync("/evidence", "/evidence?handler=Verify", []);
        var brokenPage = await app.Client.GetStringAsync("/evidence");

        Assert.Equal(HttpStatusCode.Redirect, intact.StatusCode);
        Assert.Contains("证据链完整", intactPage, StringComparison.Ordinal);
        Assert.Contains("证据链在第 3 条断开", brokenPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkNotEvidence_OnAnEntry_TakesItOffTheTimelineAndKeepsTheChainIntact()
    {
        await using var app = await RunningApp.StartAsync();
        var before = await app.Client.GetStringAsync("/evidence");

        var posted = await app.PostFormAsync("/evidence", "/evidence?handler=Retract", [new("sequence", "3"), new("reason", "这是快递短信")]);
        var after = await app.Client.GetStringAsync("/evidence");
        var all = await app.Client.GetStringAsync("/evidence?all=true");
        await app.PostFormAsync("/evidence", "/evidence?handler=Verify", []);
        var verified = await app.Client.GetStringAsync("/evidence");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("id=\"e3\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"e3\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"e11\"", after, StringComparison.Ordinal);
        Assert.Contains("说明第 3 条不是证据", all, StringComparison.Ordinal);
        Assert.Contains("证据链完整", verified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanPage_WithItsChart_DrawsItFromTheSamePlanInsteadOfPlanningAgain()
    {
        await using var app = demo.App.NewBrowser();

        var plan = await app.Client.GetStringAsync("/plan");
        var source = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(plan, "<img class=\"chart\" src=\"([^\"]+)\"").Groups[1].Value);
        var svg = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(source["data:image/svg+xml;base64,".Length..]));

        Assert.StartsWith("data:image/svg+xml;base64,", source, StringComparison.Ordinal);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("<path", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Chart", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondApp_OnATakenAddress_SaysSoAndDoesNotStart()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        using var ledger = TestLedgers.CreateSqlite();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}");
        var options = new Hosting.WebOptions(ledger.Location, [url], false, null);
        await using var app = Hosting.WebHost.Build(options, TimeProvider.System);
        var error = new StringWriter();
        var console = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.False(await Hosting.WebHost.StartAsync(app, options));
        }
        finally
        {
            Console.SetError(console);
        }

        Assert.Contains(url.Authority, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--urls", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarFeed_AtItsSecretOrAForgedAddress_ServesTheDueDatesOrNothing()
    {
        await using var app = demo.App.NewBrowser();

        var plan = await app.Client.GetStringAsync("/plan");
        var feed = System.Text.RegularExpressions.Regex.Match(plan, "(/calendar/[A-Za-z0-9_-]+\\.ics)").Groups[1].Value;
        var calendar = await app.Client.GetAsync(feed);
        var forged = await app.Client.GetAsync(feed[..^8] + (feed[^8] == 'A' ? 'B' : 'A') + feed[^7..]);

        Assert.NotEmpty(feed);
        Assert.Equal("text/calendar", calendar.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR", await calendar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/calendar/nonsense.ics")).StatusCode);
    }

    [Fact]
    public async Task ProtectedLedger_UntilUnlocked_ShowsNothingAndTellsAWrongPassphrase()
    {
        const string Passphrase = "长长的密码 2026";
        await using var app = await RunningApp.StartAsync(demo: false, prepare: async test =>
        {
            var ledger = await Ledger.OpenAsync(test.Location, () => null, null);
            await LedgerAdministration.ProtectAtCostAsync(ledger, Passphrase, new KeyDerivationCost(1024, 1, 1), TimeProvider.System);
        });

        var locked = await app.Client.GetAsync("/loans");
        var api = await app.Client.GetAsync("/api/v1/loans");
        var wrong = await app.PostFormAsync("/unlock", "/unlock", [new("Passphrase", "不对的密码")]);
        var right = await app.PostFormAsync("/unlock", "/unlock?returnUrl=%2Floans", [new("Passphrase", Passphrase)]);

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.StartsWith("/unlock?returnUrl=", locked.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Locked, api.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("密码", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/loans", right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/loans")).StatusCode);
    }

    [Fact]
    public async Task Unlock_ProtectionInterrupted_SaysItIsUnfinishedAndUnlockingFinishesIt()
    {
        const string Passphrase = "长长的密码 2026";
        LedgerLocation? location = null;
        await using var app = await RunningApp.StartAsync(demo: false, prepare: async test =>
        {
            location = test.Location;
            var ledger = await Ledger.OpenAsync(test.Location, () => null, null);
            await LedgerAdministration.ProtectAtCostAsync(ledger, Passphrase, new KeyDerivationCost(1024, 1, 1), TimeProvider.System);
            await using var context = test.Location.CreateContext();

            // What a db protect killed after its commit leaves: the marker still set.
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(context.Database, "UPDATE protection SET finish_pending = 1");
        });

        var unfinished = await app.Client.GetStringAsync("/unlock");
        var right = await app.PostFormAsync("/unlock", "/unlock?returnUrl=%2Floans", [new("Passphrase", Passphrase)]);

        Assert.Contains("加密还没有完成", unfinished, StringComparison.Ordinal);
        Assert.Contains("催收号码、出借方和借款名称、金额和日期不加密", unfinished, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var status = await LedgerAdministration.StatusAsync(location!);
        Assert.True(status.Protected);
        Assert.False(status.ProtectionUnfinished);
    }

    [Fact]
    public async Task ApiRequest_Refused_IsAProblemDocumentThatSaysWhy()
    {
        await using var app = demo.App.NewBrowser();

        var unknown = await app.Client.GetAsync("/api/v1/loans/nope");
        var badLoan = await app.Client.PostAsJsonAsync("/api/v1/loans", new { id = "x", lender = "某贷", kind = "online_platform", contractDate = "2026-01-05", principal = "abc", instalments = 3, amount = "100", firstDue = "2026-02-05" });
        using var unknownProblem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        using var badProblem = JsonDocument.Parse(await badLoan.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("nope", unknownProblem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badLoan.StatusCode);
        Assert.Contains("“合同金额（元）”填的是“abc”，不是金额", badProblem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_AddingAndImportingLoans_WorksAndTheOpenApiDocumentDescribesEveryRoute()
    {
        await using var app = await shared.App.OnNewCaseAsync();

        var added = await app.Client.PostAsJsonAsync("/api/v1/loans", new { id = "速借-1", lender = "速借", kind = "online_platform", contractDate = "2026-01-05", principal = "5000", received = "4500", instalments = 6, amount = "950", firstDue = "2026-02-05" });
        var imported = await PostRawAsync(app, "/api/v1/loans/import?file=loans.csv", await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "samples", "loans.csv")));
        using var list = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/loans"));
        using var openApi = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json"));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.True(list.RootElement.GetProperty("loans").GetArrayLength() > 1);
        var paths = openApi.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "/api/v1/cases", "/api/v1/loans", "/api/v1/loans/{id}", "/api/v1/loans/import", "/api/v1/evidence", "/api/v1/evidence/verify", "/api/v1/evidence/import", "/api/v1/evidence/bundle", "/api/v1/plan", "/api/v1/guide", "/api/v1/guide/{topic}", "/api/v1/documents", "/api/v1/documents/{kind}", "/api/v1/offer" }, paths);
        static JsonElement? CaseParameter(JsonElement operation) =>
            operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(p => p!.Value.GetProperty("name").GetString() == "case") : null;
        var listLoans = CaseParameter(openApi.RootElement.GetProperty("paths").GetProperty("/api/v1/loans").GetProperty("get"));
        Assert.Equal(("query", "uuid"), (listLoans?.GetProperty("in").GetString(), listLoans?.GetProperty("schema").GetProperty("format").GetString()));
        Assert.Null(CaseParameter(openApi.RootElement.GetProperty("paths").GetProperty("/api/v1/cases").GetProperty("get")));
    }

    [Fact]
    public async Task GuideTopic_KnownOrUnknown_RendersItsMarkdownOrIsNotFound()
    {
        await using var app = await shared.App.OnNewCaseAsync();

        var topic = await app.Client.GetStringAsync("/guide/today");

        Assert.Contains("<h1", topic, StringComparison.Ordinal);
        Assert.Contains("通讯录被爆了", topic, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/guide/nowhere")).StatusCode);
    }

    [Fact]
    public async Task GuidePhoneEvidence_InEitherLanguage_ShowsItsPicturesServedByTheAppWithAltText()
    {
        await using var app = await shared.App.OnNewCaseAsync();

        var chinese = await app.Client.GetStringAsync("/guide/phone-evidence");
        var english = await app.Client.GetStringAsync("/guide/phone-evidence?lang=en");
        var sources = System.Text.RegularExpressions.Regex.Matches(chinese + english, "<img src=\"([^\"]+)\" alt=\"([^\"]+)\"").Select(m => (Source: m.Groups[1].Value, Alt: m.Groups[2].Value)).ToList();

        Assert.Contains(sources, i => i.Source == "/guide/images/phone-pairing-zh-CN.png" && i.Alt.Contains("二维码", StringComparison.Ordinal));
        Assert.Contains(sources, i => i.Source == "/guide/images/phone-pairing-en.png" && i.Alt.Contains("QR code", StringComparison.Ordinal));
        Assert.Equal(14, sources.Count);
        foreach (var (source, _) in sources.Distinct())
        {
            using var picture = await app.Client.GetAsync(source);
            Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
            Assert.Equal(source.EndsWith(".svg", StringComparison.Ordinal) ? "image/svg+xml" : "image/png", picture.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(await picture.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/guide/images/nothing.png")).StatusCode);
    }

    [Fact]
    public async Task Cases_SeveralInTheLedger_AreListedAndEachPageFollowsTheCaseChosen()
    {
        await using var app = await RunningApp.StartAsync();

        await app.PostFormAsync("/cases", "/cases", [new("Title", "第二个案件")]);
        var cases = await app.Client.GetStringAsync("/cases");
        var unnamed = await app.Client.GetAsync("/loans");
        var chosen = await app.Client.GetStringAsync("/loans?case=" + await app.CaseIdAsync(Demo));
        var byTitle = await app.Client.GetAsync("/loans?case=" + Uri.EscapeDataString(Demo));

        Assert.Contains("第二个案件", cases, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Demo), cases, StringComparison.Ordinal);
        Assert.Equal("/cases", unnamed.Headers.Location?.OriginalString); // no "--case" on a page: the borrower picks from the list
        Assert.Contains("小贷周转", chosen, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, byTitle.StatusCode); // the web names a case by its id only
    }

    [Fact]
    public async Task Documents_NumberMarkedForALender_IsCitedInThatLendersComplaint()
    {
        await using var app = await RunningApp.StartAsync();
        const string page = "/documents?kind=regulator-complaint";
        async Task<string> ComplaintAsync() => await (await app.PostFormAsync(page, page, [new("Lender", "某呗"), new("Format", "md")])).Content.ReadAsStringAsync();

        var form = await app.Client.GetStringAsync(page);
        var before = await ComplaintAsync();
        var marked = await app.PostFormAsync(page, page + "&handler=Collector", [new("Number", "170 0000 1234"), new("CollectsFor", "某呗")]);
        var notice = await app.Client.GetStringAsync(marked.Headers.Location);
        var after = await ComplaintAsync();

        Assert.Contains("id=\"collectors\"", form, StringComparison.Ordinal);
        Assert.Contains("17000001234", form, StringComparison.Ordinal);
        Assert.DoesNotContain("号码 17000001234", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, marked.StatusCode);
        Assert.Contains("17000001234 为“某呗”催收", notice, StringComparison.Ordinal);
        Assert.Contains("号码 17000001234", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_RegulatorComplaint_NamesEachLendersChannelByItsKind()
    {
        await using var app = demo.App.NewBrowser();

        var complaint = WebUtility.HtmlDecode(await app.Client.GetStringAsync("/documents?kind=regulator-complaint"));
        var notice = WebUtility.HtmlDecode(await app.Client.GetStringAsync("/documents?kind=contacts-notice"));

        Assert.Contains("寄给谁：按出借方的类型", complaint, StringComparison.Ordinal);
        Assert.Matches("某消费金融[^<]*：[^<]*12378（二手资料）", complaint);
        Assert.Matches("某呗：[^<]*地方金融管理", complaint);
        Assert.DoesNotContain("寄给谁", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentPage_SomeFactsGiven_WritesThemAndBlanksForThoseLeftOut()
    {
        await using var app = demo.App.NewBrowser();

        var list = await app.Client.GetStringAsync("/documents");
        var form = await app.Client.GetStringAsync("/documents?kind=contacts-notice");
        var named = await app.PostFormAsync("/documents?kind=contacts-notice", "/documents?kind=contacts-notice", [new("Facts[borrower.name]", "小王"), new("Format", "md")]);
        var blank = await app.PostFormAsync("/documents?kind=police-report", "/documents?kind=police-report", [new("Format", "md")]);
        var pdf = await app.Client.PostAsJsonAsync("/api/v1/documents/contacts-notice?format=pdf", new Dictionary<string, string> { ["borrower.name"] = "小王" });
        var badFormat = await app.PostFormAsync("/documents?kind=contacts-notice", "/documents?kind=contacts-notice", [new("Format", "exe")]);

        Assert.Equal(7, System.Text.RegularExpressions.Regex.Count(list, "href=\"/documents\\?kind="));
        Assert.Contains("name=\"Facts[borrower.name]\"", form, StringComparison.Ordinal);
        Assert.Equal("text/markdown", named.Content.Headers.ContentType!.MediaType);
        Assert.Contains("我是小王", await named.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("＿＿＿", await blank.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Contains("“格式”的值“exe”无法识别", await badFormat.Content.ReadAsStringAsync(), StringComparison.Ordinal); // the form's own label, not the field id
    }

    [Fact]
    public async Task OfferCheck_BeforeBorrowing_GivesItsRealRateAndStoresNothing()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        const string Offer = "借款金额 10000元\n到账 9500元\n每期应还 ¥1000.00 共12期";

        var page = await app.PostFormAsync("/borrow", "/borrow", [new("Offer", Offer), new("Income", "5000")]);
        var html = await page.Content.ReadAsStringAsync();
        var api = await app.Client.PostAsJsonAsync("/api/v1/offer", new { offer = Offer, income = 5000m });
        using var report = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        var unreadable = await app.PostFormAsync("/borrow", "/borrow", [new("Offer", "随便写点什么")]);
        var unreadableHtml = await unreadable.Content.ReadAsStringAsync();
        using var loans = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/loans"));

        var rate = report.RootElement.GetProperty("report").GetProperty("rateAnnual").GetDouble();
        Assert.InRange(rate, 0.3, 0.5);
        Assert.Equal("avoid", report.RootElement.GetProperty("report").GetProperty("verdict").GetString());
        Assert.Contains(Figures.Percent(rate), html, StringComparison.Ordinal);
        Assert.Contains(Figures.Yuan(9500m), html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);
        Assert.Contains("借多少钱？", unreadableHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("--amount", unreadableHtml, StringComparison.Ordinal);
        Assert.Equal(0, loans.RootElement.GetProperty("loans").GetArrayLength());
    }

    [Fact]
    public async Task OfferCheck_AnAdvertPastedAsShown_GetsOneConsistentVerdictInChinese()
    {
        // Issue 23: the advert as the app shows it, with income but no expenses.
        await using var app = await shared.App.OnNewCaseAsync();

        var page = await app.PostFormAsync("/borrow", "/borrow", [new("Offer", "借10000元，分12期，每期还1045元，日利率低至0.02%，需缴会员费299元"), new("Income", "8000")]);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("50.26%", html, StringComparison.Ordinal);
        Assert.Contains(Figures.Yuan(9701m), html, StringComparison.Ordinal);
        Assert.DoesNotContain(Figures.Yuan(10000m) + "</dd>", html, StringComparison.Ordinal);
        Assert.Contains("民间借贷", html, StringComparison.Ordinal);
        Assert.Contains("持牌金融机构", html, StringComparison.Ordinal);
        Assert.DoesNotContain("扣除必要开支", html, StringComparison.Ordinal);
        foreach (var english in new[] { "(verified)", "(secondary)", "(uncertain)", "--amount" })
        {
            Assert.DoesNotContain(english, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ScreenshotUpload_AFileThatIsNotOne_IsNamedWithItsReasonAndStoresNothing()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        var (_, token) = await app.FormAsync("/evidence");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("这不是图片")), "screenshots", "notes.txt" },
        };

        var response = await app.Client.PostAsync("/evidence?handler=Screenshots", form);
        var page = await app.Client.GetStringAsync("/evidence");
        using var evidence = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/evidence"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("读取截图 1 张，新增 0 条", page, StringComparison.Ordinal);
        Assert.Contains("notes.txt：", page, StringComparison.Ordinal);
        Assert.Equal(0, evidence.RootElement.GetProperty("total").GetInt32());
    }

    private static async Task<HttpResponseMessage> PostRawAsync(RunningApp app, string path, string body)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await app.Client.PostAsync(path, content);
    }
}
