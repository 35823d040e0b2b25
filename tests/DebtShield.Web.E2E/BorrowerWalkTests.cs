using System.IO.Compression;
using DebtShield.Tests.Shared;
using DebtShield.Web.Tests;
using Microsoft.Playwright;

namespace DebtShield.Web.E2E;

/// <summary>
/// A borrower's first visit, in a real Chromium on a phone-sized and a desktop-sized window:
/// through the "my contacts are being messaged" door, a loan added, a phone backup uploaded, the
/// labels seen, the bundle downloaded. Screenshots of every step are kept in
/// <c>artifacts/e2e/</c> (or <c>DEBTSHIELD_ARTIFACTS</c>).
/// </summary>
public sealed class BorrowerWalkTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly string Artifacts = Environment.GetEnvironmentVariable("DEBTSHIELD_ARTIFACTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(RepositoryPaths.Root, "artifacts", "e2e");

    // The pages have no script and one stylesheet, so the steps wait for the address and then for
    // the elements they use (locators wait by themselves), not for the browser's load events, which
    // a busy machine can delay past any fixed limit.
    internal static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 120_000 };

    [Theory]
    [InlineData(360, 780)]
    [InlineData(1280, 900)]
    public async Task Borrower_FromTheTriageDoor_WalksToADownloadedEvidenceBundle(int width, int height)
    {
        await using var app = await RunningApp.StartAsync(demo: false);
        await using var context = await chromium.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        var scripts = new List<string>();
        page.Console += (_, message) => scripts.Add(message.Text);

        await page.GotoAsync(app.Address.ToString(), Loaded);
        await Shot(page, width, "1-triage");
        await page.GetByText("我已经被爆通讯录了").ClickAsync();
        await Walk.ReachedAsync(page, "**/start/contacts", parsed: true); // its link is clicked at once: wait for the document, not only its answer
        Assert.Equal(6, await page.Locator("ol.steps > li").CountAsync());
        await Shot(page, width, "2-door");

        await page.GetByRole(AriaRole.Link, new() { Name = "去看借款" }).ClickAsync();
        await Walk.ReachedAsync(page, "**/loans");
        var add = page.Locator("form[action*='handler=Add']");
        await add.Locator("input[name='Form.Id']").FillAsync("速借-1");
        await add.Locator("input[name='Form.Lender']").FillAsync("速借");
        await add.Locator("input[name='Form.ContractDate']").FillAsync("2026-01-05");
        await add.Locator("input[name='Form.Principal']").FillAsync("5000");
        await add.Locator("input[name='Form.Received']").FillAsync("4500");
        await add.Locator("input[name='Instalments']").FillAsync("6");
        await add.Locator("input[name='Form.Amount']").FillAsync("1000");
        await add.Locator("input[name='Form.FirstDue']").FillAsync("2026-02-05");
        await add.Locator("button[type='submit']").ClickAsync();
        await page.WaitForSelectorAsync(".notice");
        Assert.Contains("速借-1", await page.Locator("table.loans").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, width, "3-loan-added");

        await page.GotoAsync(new Uri(app.Address, "/evidence").ToString(), Loaded);
        await page.Locator("input[name='backup']").SetInputFilesAsync(Path.Combine(RepositoryPaths.Root, "samples", "sms-backup.xml"));
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();
        await page.WaitForSelectorAsync(".notice");
        Assert.Contains("新增 5 条", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
        var labels = await page.Locator(".timeline .reasons .tag").AllInnerTextsAsync();
        Assert.Contains("威胁爆通讯录/曝光", labels);
        Assert.Contains("侮辱谩骂", labels);
        Assert.Contains("证据链完整", await page.Locator("#chain-status").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, width, "4-evidence");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("下载证据包（zip）").ClickAsync());
        var saved = Path.Combine(Artifacts, $"{width}-bundle.zip");
        await download.SaveAsAsync(saved);
        using (var zip = ZipFile.OpenRead(saved))
        {
            Assert.Equal(5, zip.Entries.Count(e => e.FullName.StartsWith("entries/", StringComparison.Ordinal)));
        }

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the evidence page is wider than the window");
        Assert.DoesNotContain(scripts, s => s.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    internal static async Task Shot(IPage page, int width, string step)
    {
        Directory.CreateDirectory(Artifacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, $"{width}-{step}.png"), FullPage = true });
    }
}
