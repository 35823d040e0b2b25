using Microsoft.Playwright;

namespace DebtShield.Web.E2E;

/// <summary>
/// The test process's one headless Chromium, shared by every test class (each holds it as a class
/// fixture). Each walk opens a context of its own in it (its own cookies, storage, cache and window
/// size, as a new private window does), so tests stay as apart as with a browser each, without
/// paying a browser's launch and its helper processes for each class.
/// </summary>
/// <remarks>
/// xunit 2 has no fixture for a whole assembly, so the classes count themselves in and out: the
/// first to start launches the browser, the last to end closes it (a class that starts after every
/// other has ended launches it again). Classes run side by side, so the count is guarded by a gate.
/// </remarks>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? playwright;
    private static IBrowser? shared;
    private static int users;

    private IBrowser? browser;

    /// <summary>The process's browser, launched before the class's first test.</summary>
    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is launched by InitializeAsync.");

    /// <summary>
    /// Debian's headless shell of Chromium (test.sh installs it), or the Chromium that
    /// <c>DEBTSHIELD_CHROMIUM</c> names.
    /// </summary>
    /// <remarks>
    /// The headless shell is the same Chromium release's engine (Blink, V8, the same network and
    /// storage code) under Chromium's older, separate headless layer, without the desktop browser's
    /// code that a headless test never shows; it is what Playwright itself launches for headless
    /// Chromium since its 1.49 (microsoft/playwright#33566). The browser job's CPU with it, against
    /// the full browser, is in docs/benchmarks.md (2026-12-07, ninth session).
    /// </remarks>
    public static string ExecutablePath()
    {
        var path = Environment.GetEnvironmentVariable("DEBTSHIELD_CHROMIUM") is { Length: > 0 } given ? given : "/usr/bin/chromium-headless-shell";
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException("The browser tests need Chromium at " + path + ": run ./test.sh, which installs Debian's chromium-headless-shell package, or set DEBTSHIELD_CHROMIUM.");
    }

    /// <summary>
    /// How the browser is started: headless, and without the work that changes nothing a page
    /// renders or a test reads.
    /// </summary>
    /// <remarks>
    /// <c>--renderer-process-limit=1</c>: with one browser for every class, walks of several contexts
    /// run side by side, and the job started 111 renderer processes for its 9 tests, against 23 with
    /// the limit (docs/benchmarks.md, 2026-12-07 eighth session; most likely a spare renderer thrown
    /// away and started again each time another context navigates, which was not traced). A context still has a renderer of its own (contexts never share one), so
    /// what a page renders and what a test sees of it are unchanged. <c>--disable-gpu</c>: no
    /// emulated WebGL (SwiftShader); the pages have no canvas, and their compositing is in software
    /// either way. Playwright's own defaults already turn off extensions, background networking,
    /// component updates and the sync service. The sandbox is off because the tests run as root.
    /// </remarks>
    internal static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = ExecutablePath(),
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--renderer-process-limit=1"],
    };

    /// <summary>A fresh context (no cookies, no storage) at <paramref name="width"/> × <paramref name="height"/>, in Chinese.</summary>
    public Task<IBrowserContext> NewContextAsync(int width, int height) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true, Locale = "zh-CN" });

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (shared is null)
            {
                (playwright, shared) = await LaunchAsync(Playwright.CreateAsync, LaunchOptions());
            }

            users++;
            browser = shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Starts a Playwright driver with <paramref name="startDriver"/> and launches Chromium in it. When the
    /// launch fails (no browser at the path, a browser that exits at once), the driver — a Node process
    /// of its own — is disposed before the failure is passed on, so no class that fails to start leaves a
    /// driver running for the rest of the test process.
    /// </summary>
    internal static async Task<(IPlaywright Driver, IBrowser Browser)> LaunchAsync(Func<Task<IPlaywright>> startDriver, BrowserTypeLaunchOptions options)
    {
        var driver = await startDriver();
        try
        {
            return (driver, await driver.Chromium.LaunchAsync(options));
        }
        catch
        {
            driver.Dispose();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (browser is null)
        {
            return;
        }

        browser = null;
        await Gate.WaitAsync();
        try
        {
            if (--users > 0)
            {
                return;
            }

            await shared!.DisposeAsync();
            shared = null;
            playwright?.Dispose();
            playwright = null;
        }
        finally
        {
            Gate.Release();
        }
    }
}
