using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Playwright;

namespace DebtShield.Web.E2E;

/// <summary>
/// <see cref="ChromiumFixture.LaunchAsync"/> on a driver whose browser fails to launch: no browser
/// runs, so a stand-in driver (a proxy of Playwright's interfaces) takes the real one's place.
/// </summary>
public sealed class ChromiumFixtureTests
{
    [Fact]
    public async Task LaunchAsync_BrowserFailsToLaunch_DisposesTheDriverAndPassesTheFailureOn()
    {
        var driver = FailingDriver.Create(out var state);

        var failure = await Assert.ThrowsAsync<PlaywrightException>(() => ChromiumFixture.LaunchAsync(() => Task.FromResult(driver), new BrowserTypeLaunchOptions()));

        Assert.Equal(FailingDriver.Failure, failure.Message);
        Assert.Equal(1, state.Launches);
        Assert.Equal(1, state.Disposals);
    }

    /// <summary>What the stand-in driver was asked to do.</summary>
    private sealed class DriverState
    {
        public int Launches { get; set; }

        public int Disposals { get; set; }
    }

    /// <summary>
    /// A stand-in for Playwright's driver: its <c>Chromium.LaunchAsync</c> fails as a browser that
    /// exits at once does, and it counts launches and disposals. Any other member is a test error.
    /// </summary>
    [SuppressMessage("Performance", "CA1852:Seal internal types", Justification = "DispatchProxy derives the proxy type from it at run time.")]
    private class FailingDriver : DispatchProxy
    {
        public const string Failure = "Browser closed before it was ready (stand-in).";

        private DriverState state = new();
        private IBrowserType? chromium;

        public static IPlaywright Create(out DriverState state)
        {
            var driver = Create<IPlaywright, FailingDriver>();
            state = ((FailingDriver)(object)driver).state;
            var browserType = Create<IBrowserType, FailingDriver>();
            ((FailingDriver)(object)browserType).state = state;
            ((FailingDriver)(object)driver).chromium = browserType;
            return driver;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            switch (targetMethod?.Name)
            {
                case "get_Chromium":
                    return chromium;
                case nameof(IBrowserType.LaunchAsync):
                    state.Launches++;
                    return Task.FromException<IBrowser>(new PlaywrightException(Failure));
                case nameof(IDisposable.Dispose):
                    state.Disposals++;
                    return null;
                default:
                    throw new NotSupportedException("The stand-in driver has no " + targetMethod?.Name + ".");
            }
        }
    }
}
