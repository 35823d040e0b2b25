using System.Net;
using System.Net.Sockets;
using DebtShield.Web.Launching;

namespace DebtShield.Web.Tests;

public sealed class LocalLaunchTests
{
    [Fact]
    public void Of_NoArguments_OpensTheBrowserAndAnyAddressItChoosesIsLoopback()
    {
        var launch = LocalLaunch.Of([]);

        Assert.True(launch.OpenBrowser);
        Assert.All(launch.Arguments.Where(a => a.StartsWith("http", StringComparison.Ordinal)), a => Assert.True(new Uri(a).IsLoopback));
    }

    [Fact]
    public void Of_TheUsualPortTaken_ChoosesAnotherFreeLoopbackPort()
    {
        using var holder = Hold(new Uri(Hosting.WebOptions.DefaultUrl).Port);

        var launch = LocalLaunch.Of(["--demo"]);

        Assert.Equal("--demo", launch.Arguments[0]);
        Assert.Equal("--urls", launch.Arguments[1]);
        var address = new Uri(launch.Arguments[2]);
        Assert.True(address.IsLoopback);
        Assert.NotEqual(new Uri(Hosting.WebOptions.DefaultUrl).Port, address.Port);
        using var proof = Hold(address.Port);
        Assert.NotNull(proof); // it was free: we can listen there ourselves
        Assert.True(Hosting.WebOptions.Parse(launch.Arguments, null).Problem is null);
    }

    [Fact]
    public void Of_NoBrowser_IsTakenOutOfTheArgumentsAndNoBrowserOpens()
    {
        var launch = LocalLaunch.Of(["--no-browser", "--urls", "http://127.0.0.1:5999"]);

        Assert.False(launch.OpenBrowser);
        Assert.Equal(["--urls", "http://127.0.0.1:5999"], launch.Arguments);
    }

    [Fact]
    public void Of_AChosenAddressOrAServer_IsLeftAsGivenAndOpensNoBrowser()
    {
        var chosen = LocalLaunch.Of(["--urls=http://127.0.0.1:5999"]);
        Assert.False(chosen.OpenBrowser);
        Assert.Equal(["--urls=http://127.0.0.1:5999"], chosen.Arguments);
        var server = LocalLaunch.Of(["--multi-user", "--db", "Host=x"]);
        Assert.False(server.OpenBrowser);
        Assert.Equal(["--multi-user", "--db", "Host=x"], server.Arguments);
    }

    /// <summary>Listens on the port, or leaves it to whoever already does.</summary>
    private static TcpListener? Hold(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException)
        {
            listener.Dispose();
            return null;
        }
    }
}
