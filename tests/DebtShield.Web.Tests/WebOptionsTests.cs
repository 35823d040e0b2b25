using DebtShield.Web.Hosting;

namespace DebtShield.Web.Tests;

public sealed class WebOptionsTests
{
    [Fact]
    public void Parse_NoAddressGiven_ListensOnLoopbackPort5080()
    {
        var options = WebOptions.Parse(["--db", "/tmp/x/ledger.db"], null);

        Assert.Null(options.Problem);
        Assert.Equal([new Uri("http://127.0.0.1:5080")], options.Urls);
        Assert.Equal("/tmp/x/ledger.db", options.Ledger!.FilePath);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://192.168.1.5:5080")]
    [InlineData("http://example.org")]
    public void Parse_AnAddressOtherMachinesCouldReach_IsRefusedBecauseTheLocalAppHasNoLogin(string url)
    {
        var options = WebOptions.Parse(["--urls", url], null);

        Assert.Contains(url, options.Problem, StringComparison.Ordinal);
        Assert.Empty(options.Urls);
    }

    [Theory]
    [InlineData("http://localhost:6000")]
    [InlineData("http://[::1]:6000")]
    [InlineData("http://127.0.0.2:6000")]
    public void Parse_LoopbackAddresses_AreAccepted(string url)
    {
        var options = WebOptions.Parse(["--urls=" + url], null);

        Assert.Null(options.Problem);
        Assert.Equal(new Uri(url), Assert.Single(options.Urls));
    }

    [Fact]
    public void Parse_DemoWithoutALedgerNamed_UsesADemoFileBesideTheDefaultNotTheBorrowersOwn()
    {
        var options = WebOptions.Parse(["--demo"], null);

        Assert.True(options.Demo);
        Assert.Equal("demo.db", Path.GetFileName(options.Ledger!.FilePath));
    }

    [Theory]
    [InlineData("--port", "--port")]
    [InlineData("--db", "--db")]
    public void Parse_UnknownArgumentsAndOptionsWithoutValues_AreNamed(string argument, string named)
    {
        var options = WebOptions.Parse([argument], null);

        Assert.Contains(named, options.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ProxiesNamedByAddress_AreForMultiUserModeOnly()
    {
        const string Db = "Host=127.0.0.1;Database=debtshield";
        var named = WebOptions.Parse(["--multi-user", "--db", Db, "--proxy", "10.0.0.2,::1"], null);
        var badAddress = WebOptions.Parse(["--multi-user", "--db", Db, "--proxy", "proxy.example.org"], null);
        var local = WebOptions.Parse(["--proxy", "10.0.0.2"], null);

        Assert.Null(named.Problem);
        Assert.Equal(["10.0.0.2", "::1"], named.Proxies.Select(p => p.ToString()));
        Assert.Contains("proxy.example.org", badAddress.Problem, StringComparison.Ordinal);
        Assert.Contains("--multi-user", local.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Phone_WithAnAddress_IsReadForTheLocalApp()
    {
        var options = WebOptions.Parse(["--db", "/tmp/x/ledger.db", "--phone", "--phone-address", "127.0.0.2"], null);

        Assert.Null(options.Problem);
        Assert.True(options.Phone);
        Assert.Equal(System.Net.IPAddress.Parse("127.0.0.2"), options.PhoneAddress);
    }

    [Theory]
    [InlineData("--phone")]
    [InlineData("--phone-address=192.168.1.5")]
    public void Phone_InMultiUserMode_IsRefusedBecauseAccountsLogInOverTheNetworkAlready(string phone)
    {
        var options = WebOptions.Parse(["--multi-user", "--db", "Host=localhost;Database=x", phone], null);

        Assert.Contains("--phone", options.Problem, StringComparison.Ordinal);
        Assert.Contains("多用户", options.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void PhoneAddress_NotAnAddress_IsNamedInTheRefusal()
    {
        var options = WebOptions.Parse(["--db", "/tmp/x/ledger.db", "--phone-address", "my-laptop"], null);

        Assert.Contains("my-laptop", options.Problem, StringComparison.Ordinal);
    }
}
