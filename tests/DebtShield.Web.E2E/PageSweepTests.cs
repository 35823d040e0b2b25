using System.Text.RegularExpressions;
using DebtShield.App.ReadGuide;
using DebtShield.Web.Tests;

namespace DebtShield.Web.E2E;

/// <summary>
/// Every page, with the demo case and with an empty ledger, in Chinese and in English, at 360 px:
/// none wider than the window, every input labelled, and no command, option, field path, snake_case
/// id or English status word in the Chinese text.
/// </summary>
public sealed partial class PageSweepTests
{
    private static readonly string[] Fixed = ["/", "/start/contacts", "/start/overdue", "/start/borrow", "/loans", "/evidence", "/plan", "/documents", "/documents?kind=negotiation-letter", "/documents?kind=regulator-complaint", "/cases", "/borrow", "/guide"];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EveryPage_At360Px_FitsHasLabelsAndSpeaksChineseOnly(bool demo)
    {
        await using var app = await RunningApp.StartAsync(demo);
        await using var walk = await Walk.StartAsync(app, demo ? "sweep-demo" : "sweep-empty");
        var page = walk.Page;
        var paths = Fixed.Concat(ReadGuide.Topics().Select(t => "/guide/" + t.Id)).ToList();
        if (demo)
        {
            await page.GotoAsync(new Uri(app.Address, "/loans").ToString(), Walk.Loaded);
            paths.AddRange(await page.Locator("table.loans a[href^='/loans/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        }

        var failures = new List<string>();
        foreach (var language in new[] { "zh-CN", "en" })
        {
            await page.GotoAsync(new Uri(app.Address, "/?lang=" + language).ToString(), Walk.Loaded);
            foreach (var path in paths)
            {
                await page.GotoAsync(new Uri(app.Address, path).ToString(), Walk.Loaded);
                var where = language + " " + path;
                if (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"))
                {
                    failures.Add(where + ": wider than 360 px");
                }

                var unlabelled = await page.EvaluateAsync<string[]>(
                    "() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.name || e.type)");
                failures.AddRange(unlabelled.Select(name => where + ": no label on " + name));

                if (language == "zh-CN")
                {
                    var text = await page.Locator("body").InnerTextAsync();
                    failures.AddRange(Leaks().Matches(text).Select(m => where + ": “" + m.Value + "”").Distinct());
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Words of programs in a Chinese page: commands, options, field paths, snake_case ids, the solver's and the API's English words.</summary>
    [GeneratedRegex(@"debtshield\s+\w+|(?<![\w-])--[a-z][a-z-]+|\b[a-z]+\[\d+\]\.[a-zA-Z]+|\b[a-z]+(?:_[a-z]+)+\b|\b(?:optimal|time_limit|ledger|option|principal|secondary|verified|unverified|allowed|denied|case_worker|borrower|admin)\b")]
    private static partial Regex Leaks();
}
