using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DebtShield.Tests.Shared;
using DebtShield.Web.Accounts;
using DebtShield.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DebtShield.Web.Tests;

/// <summary>Multi-user mode against a real PostgreSQL server (<c>DEBTSHIELD_TEST_PG</c>).</summary>
public sealed class MultiUserTests
{
    private static readonly string Demo = App.Demo.LoadDemo.Title;

    /// <summary>Every route the app serves, with its parameters filled in and the methods it answers.</summary>
    private static List<(string Path, string Pattern, bool Anonymous, bool CaseFree)> Routes(MultiUserApp app, string loanId) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: (e.RoutePattern.RawText ?? "").Trim('/'), Anonymous: e.Metadata.GetMetadata<IAllowAnonymous>() is not null, CaseFree: CaseAccess.IsCaseFree(e)))
            .Distinct()
            .Select(e => ("/" + e.Pattern
                .Replace("{id}", Uri.EscapeDataString(loanId), StringComparison.Ordinal)
                .Replace("{topic}", "scams", StringComparison.Ordinal)
                .Replace("{door}", "contacts", StringComparison.Ordinal)
                .Replace("{documentName}", "v1", StringComparison.Ordinal)
                .Replace("{secret}", "not-a-secret", StringComparison.Ordinal), e.Pattern, e.Anonymous, e.CaseFree))
            .OrderBy(e => e.Pattern == "account/logout")];

    [Fact]
    public async Task AnyRoute_ForAnotherUsersCase_NeverReadsListsOrChangesIt()
    {
        using var ledger = TestLedgers.CreateMigratedPostgreSql();
        await using var app = await MultiUserApp.StartAsync(ledger.Location, demo: true);
        await app.AddAccountAsync("alice@example.org", Roles.Borrower);
        await app.AddAccountAsync("bob@example.org", Roles.Borrower);
        var demoId = await app.AssignAsync("bob@example.org", Demo);
        var (alice, _) = await app.LoginAsync("alice@example.org");
        var (bob, _) = await app.LoginAsync("bob@example.org");
        var alicesId = await MultiUserApp.OpenCaseAsync(alice, "甲的案件");
        var before = await bob.GetStringAsync("/api/v1/loans?case=" + demoId);
        using var loans = JsonDocument.Parse(before);
        var loan = loans.RootElement.GetProperty("loans")[0];
        var (loanId, lender) = (loan.GetProperty("id").GetString()!, loan.GetProperty("lender").GetString()!);
        var evidenceBefore = await bob.GetStringAsync("/api/v1/evidence?case=" + demoId);
        var token = await MultiUserApp.TokenAsync(alice, "/cases");
        var routes = Routes(app, loanId);
        Assert.Contains(routes, r => r.Pattern == "api/v1/loans/{id}");
        Assert.Contains(routes, r => r.Pattern == "evidence");
        var (mine, other) = ("case=" + alicesId, "case=" + demoId);

        var tried = 0;
        foreach (var (path, pattern, anonymous, caseFree) in routes)
        {
            var guarded = !anonymous && !caseFree;
            var api = pattern.StartsWith("api/", StringComparison.Ordinal);
            // Each attack, and what a route that touches a case must answer: the other case named
            // outright, in a form or JSON body behind one's own, as first or second of two values,
            // a case nobody has, and her own case named by its title (the web names cases only by id).
            var body = api ? "json" : "form";
            var attacks = new (HttpMethod Method, string Query, string? Body, string? InBody, HttpStatusCode Expected)[]
            {
                (HttpMethod.Get, other, null, null, HttpStatusCode.NotFound),
                (HttpMethod.Post, other, body, null, HttpStatusCode.NotFound),
                (HttpMethod.Get, mine, "form", demoId.ToString(), HttpStatusCode.BadRequest),
                (HttpMethod.Post, mine, "form", demoId.ToString(), HttpStatusCode.BadRequest),
                (HttpMethod.Get, mine, "json", demoId.ToString(), HttpStatusCode.BadRequest),
                (HttpMethod.Post, mine, "json", demoId.ToString(), HttpStatusCode.BadRequest),
                (HttpMethod.Get, mine + "&" + other, null, null, HttpStatusCode.BadRequest),
                (HttpMethod.Get, other + "&" + mine, null, null, HttpStatusCode.BadRequest),
                (HttpMethod.Post, mine + "&" + other, body, null, HttpStatusCode.BadRequest),
                (HttpMethod.Post, other + "&" + mine, body, null, HttpStatusCode.BadRequest),
                (HttpMethod.Get, "case=" + Guid.CreateVersion7(), null, null, HttpStatusCode.NotFound),
                (HttpMethod.Get, "case=" + Uri.EscapeDataString("甲的案件"), null, null, HttpStatusCode.NotFound),
            };
            foreach (var (method, query, kind, inBody, expected) in attacks)
            {
                using var request = new HttpRequestMessage(method, path + "?" + query) { Content = kind switch { "form" => Form(token, inBody), "json" => Json(inBody), _ => null } };
                using var response = await alice.SendAsync(request);
                var answer = await response.Content.ReadAsStringAsync();
                var what = method + " " + path + "?" + query + " with " + (kind ?? "no") + " body → " + (int)response.StatusCode;
                Assert.DoesNotContain(loanId, answer, StringComparison.Ordinal);
                Assert.DoesNotContain(lender, answer, StringComparison.Ordinal);
                if (!query.Contains(other, StringComparison.Ordinal) && inBody is null)
                {
                    Assert.DoesNotContain(Demo, answer, StringComparison.Ordinal); // nothing names a case she did not name herself
                }

                if (guarded)
                {
                    Assert.True(response.StatusCode == expected, what);
                }
                else
                {
                    Assert.True(response.StatusCode != HttpStatusCode.Created && response.StatusCode != HttpStatusCode.NoContent, what);
                }
            }

            tried++;
        }

        Assert.Equal(routes.Count, tried);

        // The walk's posts to the login form were wrong guesses from this address, and the wait after
        // them ran out only while the walk was slow (it was, with the product's password hashing):
        // they are forgiven as a right guess would forgive them. The wait is the login tests' concern.
        app.Services.GetRequiredService<GuessThrottle>().Succeeded(IPAddress.Loopback.ToString());
        (alice, _) = await app.LoginAsync("alice@example.org"); // the last route tried was the logout
        Assert.Equal(before, await bob.GetStringAsync("/api/v1/loans?case=" + demoId));
        Assert.Equal(evidenceBefore, await bob.GetStringAsync("/api/v1/evidence?case=" + demoId));
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountsContext>();
        var aliceId = (await accounts.Users.SingleAsync(u => u.Email == "alice@example.org")).Id;
        var alicesCase = (await accounts.CaseAssignments.SingleAsync(a => a.UserId == aliceId)).CaseId;
        Assert.Equal(alicesId, alicesCase);
        var alicesLines = await accounts.AuditEntries.Where(e => e.UserName == "alice@example.org" && e.Route != "/api/v1/cases").ToListAsync();
        Assert.All(alicesLines, l => Assert.True(l.CaseId is null || l.CaseId == alicesCase, l.Method + " " + l.Route + " " + l.CaseId));
        Assert.Contains(alicesLines, l => l.Outcome == "refused" && l.Handler == "AddLoan");
        Assert.Contains(alicesLines, l => l.Outcome == "denied" && l.Handler == "/Evidence/Index OnGet");
        var listed = await alice.GetFromJsonAsync<JsonElement>("/api/v1/cases");
        Assert.Equal([("甲的案件", alicesId)], listed.EnumerateArray().Select(c => (c.GetProperty("title").GetString(), c.GetProperty("id").GetGuid())));
        Assert.DoesNotContain(Demo, await alice.GetStringAsync("/cases"), StringComparison.Ordinal);
        Assert.Contains(Demo, await bob.GetStringAsync("/cases"), StringComparison.Ordinal);
        Assert.Contains("只有你和分配给这个案件的工作人员能看到", await bob.GetStringAsync("/cases"), StringComparison.Ordinal);
    }

    /// <summary>A form with the page's token, naming the case <paramref name="caseId"/> when given.</summary>
    private static FormUrlEncodedContent Form(string token, string? caseId) =>
        new([new("__RequestVerificationToken", token), new("Email", "alice@example.org"), .. caseId is null ? Array.Empty<KeyValuePair<string, string>>() : [new("case", caseId)]]);

    /// <summary>A JSON body, naming the case <paramref name="caseId"/> when given.</summary>
    private static StringContent Json(string? caseId) =>
        new(caseId is null ? "{}" : JsonSerializer.Serialize(new Dictionary<string, string> { ["case"] = caseId }), Encoding.UTF8, "application/json");

    [Fact]
    public async Task CaseDoor_WithoutACaseNamed_NeverFallsBackToTheOnlyCaseAndSendsStrangersToLogIn()
    {
        using var ledger = TestLedgers.CreateMigratedPostgreSql();
        await using var app = await MultiUserApp.StartAsync(ledger.Location, demo: true);
        await app.AddAccountAsync("worker@example.org", Roles.CaseWorker);
        var (worker, _) = await app.LoginAsync("worker@example.org");
        var stranger = app.Anonymous();

        var noCaseApi = await worker.GetAsync("/api/v1/loans");
        var noCasePage = await worker.GetAsync("/loans");
        var demoId = await app.CaseIdAsync(Demo);
        var page = await stranger.GetAsync("/loans?case=" + demoId);
        var api = await stranger.GetAsync("/api/v1/loans?case=" + demoId);
        var admin = await worker.GetAsync("/api/v1/admin/accounts");
        await app.AssignAsync("worker@example.org", Demo);
        var assigned = await worker.GetAsync("/loans");

        Assert.Equal(HttpStatusCode.BadRequest, noCaseApi.StatusCode);
        Assert.Equal("/cases", noCasePage.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith(app.Address + "account/login", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal("/loans?case=" + demoId, assigned.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_WithWrongPasswords_MakesTheGuessingAddressWaitAndAuditsEveryTry()
    {
        using var ledger = TestLedgers.CreateMigratedPostgreSql();
        await using var app = await MultiUserApp.StartAsync(ledger.Location);
        await app.AddAccountAsync("alice@example.org", Roles.Borrower);
        var client = app.Anonymous();

        var tries = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            tries.Add((await MultiUserApp.TryLoginAsync(client, "alice@example.org", "错误的密码-" + i)).StatusCode);
        }

        var right = await MultiUserApp.TryLoginAsync(client, "alice@example.org", MultiUserApp.Password);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], tries);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("秒后再试", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/cases")).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var logins = await scope.ServiceProvider.GetRequiredService<AccountsContext>().AuditEntries.Where(e => e.Action == "login").OrderBy(e => e.Id).Select(e => e.Outcome).ToListAsync();
        Assert.Equal(["failed", "failed", "failed", "throttled", "throttled", "throttled"], logins);
    }

    [Fact]
    public async Task AuditLog_ReadsChangesAndRefusalsOfACase_AreWritten()
    {
        using var ledger = TestLedgers.CreateMigratedPostgreSql();
        await using var app = await MultiUserApp.StartAsync(ledger.Location, demo: true);
        await app.AddAccountAsync("alice@example.org", Roles.Borrower);
        var (alice, _) = await app.LoginAsync("alice@example.org");
        var mineId = await MultiUserApp.OpenCaseAsync(alice, "甲的案件");

        await alice.GetStringAsync("/api/v1/loans?case=" + mineId);
        var change = await alice.PostAsJsonAsync("/api/v1/loans?case=" + mineId, new { id = "测试贷-1", lender = "测试平台", kind = "online_platform", contractDate = "2026-01-05", principal = "5000", instalments = 6, amount = "900", firstDue = "2026-02-05" });
        await alice.GetAsync("/api/v1/loans?case=" + await app.CaseIdAsync(Demo));
        var token = await MultiUserApp.TokenAsync(alice, "/evidence?case=" + mineId);
        using var verify = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        await alice.PostAsync("/evidence?handler=Verify&case=" + mineId, verify);

        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountsContext>();
        var mine = await accounts.CaseAssignments.SingleAsync();
        var rows = await accounts.AuditEntries.Where(e => e.Route == "/api/v1/loans").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [("read", mine.CaseId, "allowed", 200), ("change", mine.CaseId, (int)change.StatusCode < 400 ? "allowed" : "refused", (int)change.StatusCode), ("read", (Guid?)null, "denied", 404)],
            rows.Select(r => (r.Action, r.CaseId, r.Outcome, r.Status ?? 0)));
        Assert.Equal(["ListLoans", "AddLoan", "ListLoans"], rows.Select(r => r.Handler));
        Assert.All(rows, r => Assert.Equal("alice@example.org", r.UserName));
        Assert.All(rows, r => Assert.Equal(mine.UserId, r.UserId));
        var page = await accounts.AuditEntries.Where(e => e.Route == "/evidence").OrderBy(e => e.Id).Select(e => new { e.Handler, e.CaseId, e.Outcome }).ToListAsync();
        Assert.Equal([("/Evidence/Index OnGet", "allowed"), ("/Evidence/Index OnPostVerify", "allowed")], page.Select(p => (p.Handler!, p.Outcome)));
        Assert.All(page, p => Assert.Equal(mine.CaseId, p.CaseId));
    }

    [Fact]
    public async Task LoginCookie_IssuedByOneNode_IsAcceptedByAnotherOnTheSameDatabase()
    {
        using var ledger = TestLedgers.CreateMigratedPostgreSql();
        // Both nodes hash passwords as the product does: this login is the one through its real cost.
        await using var first = await MultiUserApp.StartAsync(ledger.Location, productHashing: true);
        await first.AddAccountAsync("alice@example.org", Roles.Borrower);
        var (alice, cookies) = await first.LoginAsync("alice@example.org");
        await MultiUserApp.OpenCaseAsync(alice, "甲的案件");
        await using var second = await MultiUserApp.StartAsync(ledger.Location, productHashing: true);
        var carried = new CookieContainer();
        foreach (Cookie cookie in cookies.GetAllCookies())
        {
            carried.Add(second.Address, new Cookie(cookie.Name, cookie.Value));
        }

        var onSecond = second.Anonymous(carried);
        var listed = await onSecond.GetFromJsonAsync<JsonElement>("/api/v1/cases");

        Assert.Equal(["甲的案件"], listed.EnumerateArray().Select(c => c.GetProperty("title").GetString()));
        await using var scope = second.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountsContext>();
        Assert.Equal(1, await accounts.DataProtectionKeys.CountAsync());
        var stored = Convert.FromBase64String((await accounts.Users.SingleAsync()).PasswordHash!);
        var product = second.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount;
        Assert.Equal(product, BinaryPrimitives.ReadInt32BigEndian(stored.AsSpan(5, 4))); // Identity's version 3 layout: marker, PRF, iterations
        Assert.True(product >= 100_000, product + " iterations");
    }

    [Fact]
    public async Task FirstAdmin_FromStandardInput_GivesCasesToCaseWorkersWithoutSeeingThem()
    {
        using var ledger = TestLedgers.CreateMigratedPostgreSql();
        var options = new WebOptions(ledger.Location, [new Uri("http://127.0.0.1:0")], false, null) { MultiUser = true };
        await using (var setup = WebHost.Build(options, TimeProvider.System))
        {
            Assert.True(await MultiUserMode.CreateAdminAsync(setup, options, "root@example.org", new StringReader(MultiUserApp.Password + "\n")));
            Assert.False(await MultiUserMode.CreateAdminAsync(setup, options, "short@example.org", new StringReader("太短\n")));
        }

        await using var app = await MultiUserApp.StartAsync(ledger.Location, demo: true);
        var login = await MultiUserApp.TryLoginAsync(app.Anonymous(), "root@example.org", MultiUserApp.Password);
        var (root, _) = await app.LoginAsync("root@example.org");
        var created = await root.PostAsJsonAsync("/api/v1/admin/accounts", new { email = "worker@example.org", password = MultiUserApp.Password, role = Roles.CaseWorker });
        var allCases = await root.GetFromJsonAsync<JsonElement>("/api/v1/admin/cases");
        var demoId = allCases.EnumerateArray().Single(c => c.GetProperty("title").GetString() == Demo).GetProperty("id").GetGuid();
        var assigned = await root.PostAsJsonAsync("/api/v1/admin/assignments", new { email = "worker@example.org", @case = demoId });
        var byTitle = await root.PostAsJsonAsync("/api/v1/admin/assignments", new { email = "worker@example.org", @case = Demo });
        var (worker, _) = await app.LoginAsync("worker@example.org");
        var demo = "?case=" + demoId;
        var seen = await worker.GetAsync("/api/v1/loans" + demo);
        var byAdmin = await root.GetAsync("/api/v1/loans" + demo);
        var page = await root.GetStringAsync("/admin");
        var token = await MultiUserApp.TokenAsync(root, "/admin");
        using var form = new FormUrlEncodedContent([new("Email", "worker@example.org"), new("CaseToAssign", demoId.ToString()), new("Give", "false"), new("__RequestVerificationToken", token)]);
        var taken = await root.PostAsync("/admin?handler=Assign", form);

        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("debtshield-auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, byTitle.StatusCode);
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byAdmin.StatusCode);
        Assert.Contains("worker@example.org", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{demoId}\">{WebUtility.HtmlEncode(Demo)}（worker@example.org）</option>", page, StringComparison.Ordinal);
        Assert.Contains("个案工作者", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">case_worker<", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync("/api/v1/loans" + demo)).StatusCode);
    }

    [Fact]
    public async Task Admin_ManagingAccounts_ChangesRolesSetsPasswordsAndRemovesAllButTheLastAdmin()
    {
        using var ledger = TestLedgers.CreateMigratedPostgreSql();
        await using var app = await MultiUserApp.StartAsync(ledger.Location, demo: true);
        await app.AddAccountAsync("root@example.org", Roles.Admin);
        await app.AddAccountAsync("worker@example.org", Roles.CaseWorker);
        await app.AssignAsync("worker@example.org", Demo);
        var (root, _) = await app.LoginAsync("root@example.org");
        const string NewPassword = "换了一个新的长密码-2026";

        var promoted = await root.PostAsJsonAsync("/api/v1/admin/accounts/role", new { email = "worker@example.org", role = Roles.Admin });
        var demoted = await root.PostAsJsonAsync("/api/v1/admin/accounts/role", new { email = "worker@example.org", role = Roles.Borrower });
        var lastAdmin = await root.PostAsJsonAsync("/api/v1/admin/accounts/role", new { email = "root@example.org", role = Roles.CaseWorker });
        var tooShort = await root.PostAsJsonAsync("/api/v1/admin/accounts/password", new { email = "worker@example.org", password = "短" });
        var tooShortInEnglish = await root.PostAsJsonAsync("/api/v1/admin/accounts/password?lang=en", new { email = "worker@example.org", password = "短" });
        var reset = await root.PostAsJsonAsync("/api/v1/admin/accounts/password?lang=zh-CN", new { email = "worker@example.org", password = NewPassword });
        var oldPassword = await MultiUserApp.TryLoginAsync(app.Anonymous(), "worker@example.org", MultiUserApp.Password);
        var newPassword = await MultiUserApp.TryLoginAsync(app.Anonymous(), "worker@example.org", NewPassword);
        var roles = await root.GetFromJsonAsync<JsonElement>("/api/v1/admin/accounts");
        var self = await root.PostAsJsonAsync("/api/v1/admin/accounts/remove", new { email = "root@example.org" });
        var removed = await root.PostAsJsonAsync("/api/v1/admin/accounts/remove", new { email = "worker@example.org" });
        var afterRemoval = await MultiUserApp.TryLoginAsync(app.Anonymous(), "worker@example.org", NewPassword);
        var accounts = await root.GetStringAsync("/api/v1/admin/accounts");

        Assert.Equal(HttpStatusCode.NoContent, promoted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, demoted.StatusCode);
        Assert.Equal(Roles.Borrower, roles.EnumerateArray().Single(a => a.GetProperty("email").GetString() == "worker@example.org").GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, lastAdmin.StatusCode);
        Assert.Contains("最后一个管理员", await lastAdmin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("密码至少要 12 个字符", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The password needs at least 12 characters", await tooShortInEnglish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("不能删除你自己", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, afterRemoval.StatusCode);
        Assert.DoesNotContain("worker@example.org", accounts, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AccountsContext>().CaseAssignments.CountAsync());
    }

    [Fact]
    public async Task AuditLogPage_FilteredByLoginAndByCase_ShowsAdminsWhoReadWhichCase()
    {
        using var ledger = TestLedgers.CreateMigratedPostgreSql();
        await using var app = await MultiUserApp.StartAsync(ledger.Location, demo: true);
        await app.AddAccountAsync("root@example.org", Roles.Admin);
        await app.AddAccountAsync("worker@example.org", Roles.CaseWorker);
        await app.AddAccountAsync("alice@example.org", Roles.Borrower);
        var demo = await app.AssignAsync("worker@example.org", Demo);
        var (root, _) = await app.LoginAsync("root@example.org");
        var (worker, _) = await app.LoginAsync("worker@example.org");
        var (alice, _) = await app.LoginAsync("alice@example.org");
        await worker.GetAsync("/api/v1/loans?case=" + demo);
        await alice.GetAsync("/api/v1/loans?case=" + demo);

        var byWorker = await root.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?user=worker@example.org");
        var byAlice = await root.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?user=alice@example.org");
        var byCase = await root.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?case=" + demo);
        var notAnId = await root.GetAsync("/api/v1/admin/audit?case=" + Uri.EscapeDataString(Demo));
        var page = await root.GetStringAsync("/admin/audit?Login=worker%40example.org");
        var pageByCase = await root.GetStringAsync("/admin/audit?about=" + demo);
        var notAdmin = await worker.GetAsync("/admin/audit");

        static IEnumerable<string> Lines(JsonElement log) => log.GetProperty("lines").EnumerateArray()
            .Select(l => $"{l.GetProperty("user").GetString()} {l.GetProperty("route").GetString()} {(l.GetProperty("case").ValueKind == JsonValueKind.Null ? "-" : l.GetProperty("case").GetString())} {l.GetProperty("outcome").GetString()}");
        Assert.Contains($"worker@example.org /api/v1/loans {Demo} allowed", Lines(byWorker));
        Assert.All(Lines(byWorker), l => Assert.StartsWith("worker@example.org ", l, StringComparison.Ordinal));
        Assert.Contains("alice@example.org /api/v1/loans - denied", Lines(byAlice));
        Assert.All(Lines(byCase), l => Assert.Contains(Demo, l, StringComparison.Ordinal));
        Assert.Contains(Lines(byCase), l => l.StartsWith("worker@example.org /api/v1/loans", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, notAnId.StatusCode);
        Assert.Contains("/api/v1/loans", page, StringComparison.Ordinal);
        Assert.Contains(Demo, page, StringComparison.Ordinal);
        Assert.Contains("已允许", page, StringComparison.Ordinal);
        Assert.Contains("查看", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">allowed", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{demo}\" selected=\"selected\">", pageByCase, StringComparison.Ordinal);
        Assert.DoesNotContain("alice@example.org", pageByCase, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ForwardedHeaders_BehindANamedProxyOrNot_AreBelievedOnlyFromTheNamedProxy(bool named)
    {
        using var ledger = TestLedgers.CreateMigratedPostgreSql();
        await using var app = await MultiUserApp.StartAsync(ledger.Location, proxies: named ? [IPAddress.Loopback] : null);
        await app.AddAccountAsync("alice@example.org", Roles.Borrower);
        HttpClient Client(string address)
        {
            var client = app.Anonymous();
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            return client;
        }

        var (first, second) = (Client("203.0.113.9"), Client("203.0.113.10"));
        var login = await MultiUserApp.TryLoginAsync(first, "alice@example.org", MultiUserApp.Password);
        var tries = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            tries.Add((await MultiUserApp.TryLoginAsync(first, "nobody@example.org", "错误的密码-" + i)).StatusCode);
        }

        var other = await MultiUserApp.TryLoginAsync(second, "nobody@example.org", "错误的密码");

        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("debtshield-auth=", StringComparison.Ordinal));
        Assert.Equal(named, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.TooManyRequests, tries[^1]);
        Assert.Equal(named ? HttpStatusCode.BadRequest : HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Fact]
    public async Task LocalMode_Routes_HaveNoLoginAdminOrAccountRoute()
    {
        await using var app = await RunningApp.StartAsync(demo: false);

        foreach (var path in new[] { "/account/login", "/account/logout", "/admin", "/api/v1/admin/accounts" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/v1/cases")).StatusCode);
    }

    [Fact]
    public void MultiUserMode_OnSqliteOrPostgreSql_IsRefusedOrMayListenBeyondLoopback()
    {
        var sqlite = WebOptions.Parse(["--multi-user", "--db", "/tmp/ledger.db"], null);
        var postgres = WebOptions.Parse(["--multi-user", "--db", "Host=db.example.org;Database=debtshield", "--urls", "http://0.0.0.0:8080"], null);
        var admin = WebOptions.Parse(["--create-admin", "root@example.org", "--db", "Host=db.example.org;Database=debtshield"], null);
        var local = WebOptions.Parse(["--db", "Host=db.example.org;Database=debtshield", "--urls", "http://0.0.0.0:8080"], null);

        Assert.Contains("PostgreSQL", sqlite.Problem, StringComparison.Ordinal);
        Assert.Null(postgres.Problem);
        Assert.True(postgres.MultiUser);
        Assert.Equal("0.0.0.0", postgres.Urls[0].Host);
        Assert.Equal(("root@example.org", true), (admin.CreateAdmin, admin.MultiUser));
        Assert.NotNull(local.Problem);
    }
}
