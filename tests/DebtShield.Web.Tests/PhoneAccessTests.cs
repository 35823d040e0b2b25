using System.Net;
using DebtShield.Web.Phone;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DebtShield.Web.Tests;

/// <summary><c>--phone</c> in the terminal, and how the LAN address is chosen.</summary>
public sealed class PhoneAccessTests
{
    [Fact]
    public async Task StartAsync_StartedApp_PrintsAQrInBlocksAndALinkThatPairsOnce()
    {
        WebApplication? started = null;
        await using var app = await RunningApp.StartAsync(demo: false, phoneAddress: IPAddress.Parse("127.0.0.2"), map: a => started = a);
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.True(await PhoneAccess.StartAsync(started!, output, error));
        var printed = output.ToString();
        var listener = app.Services.GetRequiredService<PhoneListener>();
        var link = new Uri(printed.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("https://", StringComparison.Ordinal)));
        using var device = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true, AllowAutoRedirect = false });

        Assert.Equal("", error.ToString());
        Assert.Contains(listener.Fingerprint!, printed, StringComparison.Ordinal);
        Assert.True(printed.Count(c => c is '█' or '▀' or '▄') > 200, "no QR code in blocks: " + printed);
        Assert.Equal(listener.Address!.Authority, link.Authority);
        Assert.Equal(HttpStatusCode.OK, (await device.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await device.GetAsync(link)).StatusCode);
    }

    [Theory]
    [InlineData("192.168.1.23", true)]
    [InlineData("10.0.0.5", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.254", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("8.8.8.8", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("fe80::1", false)]
    public void IsPrivate_Address_OnlyTheRangesHomeWifiHandsOut(string address, bool expected) =>
        Assert.Equal(expected, LanAddress.IsPrivate(IPAddress.Parse(address)));
}
