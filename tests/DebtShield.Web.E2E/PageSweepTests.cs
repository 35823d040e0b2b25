using System.Text.Json;
using System.Text.RegularExpressions;
using DebtShield.App.ReadGuide;
using DebtShield.Tests.Shared;
using DebtShield.Web.Tests;
using Microsoft.Playwright;

namespace DebtShield.Web.E2E;

/// <summary>
/// Every page, with the demo case and with an empty ledger, in Chinese and in English, at 360 px:
/// none wider than the window, every input labelled, and no command, option, field path, snake_case
/// id or English status word in the Chinese text.
/// </summary>
public sealed partial class PageSweepTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly string[] Fixed = ["/", "/start/contacts", "/start/overdue", "/start/borrow", "/loans", "/evidence", "/plan", "/documents", "/documents?kind=negotiation-letter", "/documents?kind=regulator-complaint", "/cases", "/borrow", "/guide", "/phone"];

    /// <summary>
    /// What the sweep reads of a page, in one call to it: whether it is wider than the window, the
    /// inputs with no label, and its text (<c>innerText</c>, as the reader sees it; <c>textContent</c>
    /// without code, scripts and styles, where addresses are shown as code; none).
    /// </summary>
    private const string Inspection = """
        text => ({
            wide: document.documentElement.scrollWidth > window.innerWidth + 1,
            unlabelled: [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.name || e.type),
            text: text === 'innerText' ? document.body.innerText
                : text === 'textContent' ? (() => { const body = document.body.cloneNode(true); body.querySelectorAll('code, script, style').forEach(e => e.remove()); return body.textContent; })()
                : '',
        })
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EveryPage_At360Px_FitsHasLabelsAndSpeaksChineseOnly(bool demo)
    {
        await using var app = await RunningApp.StartAsync(demo);
        await using var walk = await Walk.StartAsync(chromium, demo ? "sweep-demo" : "sweep-empty");
        var page = walk.Page;
        var paths = Fixed.Concat(ReadGuide.Topics().Select(t => "/guide/" + t.Id)).ToList();
        if (demo)
        {
            await page.GotoAsync(new Uri(app.Address, "/loans").ToString(), Walk.Loaded);
            paths.AddRange(await page.Locator("table.loans a[href^='/loans/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        }

        var failures = new List<string>();
        await SweepAsync(page, app.Address, paths, failures);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Visits each path in Chinese and in English and adds what is wrong with it to <paramref name="failures"/>.
    /// The first path is asked for with <c>?lang=</c>, which the app remembers in a cookie for the rest.
    /// </summary>
    internal static async Task SweepAsync(IPage page, Uri address, IReadOnlyList<string> paths, List<string> failures, bool codeIsLiteral = false)
    {
        foreach (var language in new[] { "zh-CN", "en" })
        {
            for (var i = 0; i < paths.Count; i++)
            {
                var path = paths[i];
                var asked = i > 0 ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + language;
                await page.GotoAsync(new Uri(address, asked).ToString(), Walk.Loaded);
                var where = language + " " + path;
                var seen = await page.EvaluateAsync<JsonElement>(Inspection, language != "zh-CN" ? "" : codeIsLiteral ? "textContent" : "innerText");
                if (seen.GetProperty("wide").GetBoolean())
                {
                    failures.Add(where + ": wider than 360 px");
                }

                failures.AddRange(seen.GetProperty("unlabelled").EnumerateArray().Select(name => where + ": no label on " + name.GetString()));
                if (language == "zh-CN")
                {
                    var text = seen.GetProperty("text").GetString();
                    Assert.False(string.IsNullOrWhiteSpace(text), where + ": the page's text was not read");
                    failures.AddRange(Leaks().Matches(text).Select(m => where + ": “" + m.Value + "”").Distinct());
                }
            }
        }
    }

    /// <summary>Words of programs in a Chinese page: commands, options, field paths, snake_case ids, the solver's and the API's English words.</summary>
    [GeneratedRegex(@"debtshield\s+\w+|(?<![\w-])--[a-z][a-z-]+|\b[a-z]+\[\d+\]\.[a-zA-Z]+|\b[a-z]+(?:_[a-z]+)+\b|\b(?:optimal|time_limit|ledger|option|principal|secondary|verified|unverified|allowed|denied|case_worker|borrower|admin)\b")]
    internal static partial Regex Leaks();
}

/// <summary>
/// The sweep of <see cref="PageSweepTests"/> over the pages of multi-user mode: a class of its own,
/// so that it runs beside the local sweep rather than after it (xunit runs a class's tests one by one).
/// </summary>
public sealed class MultiUserPageSweepTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>
    /// The pages of multi-user mode (real PostgreSQL): the login page to a stranger, the case list,
    /// the admin's page and the audit log to an admin (with lines in it), the case list and the
    /// dashboard to a case worker. Addresses the audit log lists are shown as code, what was asked
    /// for rather than words, and are not read as the page's text.
    /// </summary>
    [Fact]
    public async Task MultiUserPages_At360Px_FitHaveLabelsAndSpeakChineseOnly()
    {
        using var ledger = TestLedgers.CreateMigratedPostgreSql();
        await using var app = await MultiUserApp.StartAsync(ledger.Location, demo: true);
        await app.AddAccountAsync("root@example.org", Accounts.Roles.Admin);
        await app.AddAccountAsync("worker@example.org", Accounts.Roles.CaseWorker);
        var demo = await app.AssignAsync("worker@example.org", App.Demo.LoadDemo.Title);
        var failures = new List<string>();

        await using (var stranger = await Walk.StartAsync(chromium, "sweep-login"))
        {
            await PageSweepTests.SweepAsync(stranger.Page, app.Address, ["/account/login"], failures);
        }

        foreach (var (email, paths) in new (string, string[])[]
        {
            ("worker@example.org", ["/cases", "/?case=" + demo, "/loans?case=" + demo]),
            ("root@example.org", ["/cases", "/admin", "/admin/audit", "/admin/audit?about=" + demo]),
        })
        {
            await using var walk = await Walk.StartAsync(chromium, "sweep-" + email);
            await walk.SignInAsync(app.Address, email, MultiUserApp.Password);
            await PageSweepTests.SweepAsync(walk.Page, app.Address, paths, failures, codeIsLiteral: true);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
