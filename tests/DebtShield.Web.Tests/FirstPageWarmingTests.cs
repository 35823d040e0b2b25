using System.Net.Http.Json;
using DebtShield.App.Ledgers;
using DebtShield.Data;
using DebtShield.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DebtShield.Web.Tests;

/// <summary>The first page's work done at start beside the ledger's opening (issue 25), and what it leaves alone.</summary>
public sealed class FirstPageWarmingTests
{
    [Fact]
    public async Task Reads_StartedAppWithOneCase_ReadTheFrontPage()
    {
        await using var app = await RunningApp.StartAsync(demo: true);

        Assert.True(await app.Services.GetRequiredService<FirstPageWarming>().Reads);
    }

    [Fact]
    public async Task ReadFrontPageAsync_SeveralCases_ReadsNoCaseAndDoesNotThrow()
    {
        await using var app = await RunningApp.StartAsync(demo: true);
        using var added = await app.Client.PostAsJsonAsync("/api/v1/cases", new { title = "第二个案子" });
        Assert.Equal(System.Net.HttpStatusCode.Created, added.StatusCode);
        var ledger = await app.Services.GetRequiredService<LedgerGate>().OpenAsync();

        Assert.False(await FirstPageWarming.ReadFrontPageAsync(Task.FromResult(ledger), TimeProvider.System));
    }

    [Fact]
    public async Task ReadFrontPageAsync_LedgerThatDidNotOpen_ReadsNothingAndDoesNotThrow()
    {
        var failed = Task.FromException<OpenLedger>(new LedgerException(LedgerProblem.PassphraseRequired, "locked"));

        Assert.False(await FirstPageWarming.ReadFrontPageAsync(failed, TimeProvider.System));
    }
}
