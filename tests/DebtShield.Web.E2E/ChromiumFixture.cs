using Microsoft.Playwright;

namespace DebtShield.Web.E2E;

/// <summary>
/// One headless Chromium for a test class (an xunit class fixture). Each walk opens a context of
/// its own in it (its own cookies, storage, cache and window size, as a new private window does),
/// so tests stay as apart as with a browser each, without paying a browser's launch each: on a
/// loaded 2-core machine a launch takes seconds, and a class of journeys made a dozen.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>The class's browser, launched before its first test.</summary>
    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is launched by InitializeAsync.");

    /// <summary>Debian's Chromium (test.sh installs it), or the one <c>DEBTSHIELD_CHROMIUM</c> names.</summary>
    public static string ExecutablePath()
    {
        var path = Environment.GetEnvironmentVariable("DEBTSHIELD_CHROMIUM") is { Length: > 0 } given ? given : "/usr/bin/chromium";
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException("The browser tests need Chromium at " + path + ": run ./test.sh, which installs Debian's chromium package, or set DEBTSHIELD_CHROMIUM.");
    }

    /// <summary>A fresh context (no cookies, no storage) at <paramref name="width"/> × <paramref name="height"/>, in Chinese.</summary>
    public Task<IBrowserContext> NewContextAsync(int width, int height) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true, Locale = "zh-CN" });

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath(), Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
