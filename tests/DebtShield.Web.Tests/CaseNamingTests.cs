using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DebtShield.Tests.Shared;
using DebtShield.Web.Accounts;
using Microsoft.AspNetCore.Builder;

namespace DebtShield.Web.Tests;

/// <summary>
/// The case a request is about is named once, in the address, in local mode too: a page or
/// endpoint never reads a second naming from the form or JSON body, or the other of two values.
/// </summary>
public sealed class CaseNamingTests
{
    private static readonly string Demo = App.Demo.LoadDemo.Title;
    private const string Second = "第二个案件";

    private static readonly Dictionary<string, string> Loan = new()
    {
        ["Form.Id"] = "速借-1",
        ["Form.Lender"] = "速借",
        ["Form.Kind"] = "online_platform",
        ["Form.ContractDate"] = "2026-01-05",
        ["Form.Principal"] = "5000",
        ["Instalments"] = "6",
        ["Form.Amount"] = "950",
        ["Form.FirstDue"] = "2026-02-05",
    };

    [Theory]
    [MemberData(nameof(TestLedgers.Providers), MemberType = typeof(TestLedgers))]
    public async Task CaseDoor_ACaseNamedInTheBodyOrTwice_IsRefusedAndTheAddressAloneDecides(string provider)
    {
        await using var app = await RunningApp.StartAsync(demo: true, provider: provider);
        Assert.Equal(HttpStatusCode.Created, (await app.Client.PostAsJsonAsync("/api/v1/cases", new { title = Second })).StatusCode);
        var second = "case=" + await app.CaseIdAsync(Second);
        var demo = "case=" + await app.CaseIdAsync(Demo);
        var demoBefore = await app.Client.GetStringAsync("/api/v1/loans?" + demo);

        var inBody = await app.PostFormAsync("/loans?" + second, "/loans?handler=Add&" + second, Loan.Append(new("case", demo[5..])));
        var inJson = await app.Client.PostAsJsonAsync("/api/v1/loans?" + second, new Dictionary<string, object> { ["case"] = demo[5..], ["id"] = "速借-2", ["lender"] = "速借", ["kind"] = "online_platform", ["contractDate"] = "2026-01-05", ["principal"] = "5000", ["instalments"] = 6, ["amount"] = "950", ["firstDue"] = "2026-02-05" });
        var twice = await app.Client.GetAsync("/api/v1/loans?" + second + "&" + demo);
        var twicePage = await app.Client.GetAsync("/loans?" + demo + "&" + second);
        var handlerTwice = await app.PostFormAsync("/loans?" + second, "/loans?handler=Add&handler=Import&" + second, Loan);
        var secondAfterRefusals = await app.Client.GetStringAsync("/api/v1/loans?" + second);
        var added = await app.PostFormAsync("/loans?" + second, "/loans?handler=Add&" + second, Loan);

        Assert.Equal(HttpStatusCode.BadRequest, inBody.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, inJson.StatusCode);
        Assert.Contains("只能在地址里指明", await inJson.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twicePage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, handlerTwice.StatusCode);
        Assert.Equal(0, Loans(secondAfterRefusals).GetArrayLength());
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(["速借-1"], Loans(await app.Client.GetStringAsync("/api/v1/loans?" + second)).EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        Assert.Equal(demoBefore, await app.Client.GetStringAsync("/api/v1/loans?" + demo));
    }

    [Fact]
    public async Task Route_AddedWithoutTheCaseFreeMark_NeedsACaseThePersonMaySee()
    {
        // Given two routes a later change might add: one that says it touches no case, one that says nothing.
        await using var app = await RunningApp.StartAsync(demo: true, map: web =>
        {
            web.MapGet("/added", (Hosting.RequestedCase named) => named.Id.ToString());
            web.MapGet("/added-free", (Hosting.RequestedCase named) => named.Id.ToString()).CaseFree();
        });
        var demo = await app.CaseIdAsync(Demo);
        var nobodys = Guid.CreateVersion7();

        // When each is asked about the ledger's case and about a case that is not in it,
        var own = await app.Client.GetAsync("/added?case=" + demo);
        var foreign = await app.Client.GetAsync("/added?case=" + nobodys);
        var twice = await app.Client.GetAsync("/added?case=" + demo + "&case=" + demo);
        var freeForeign = await app.Client.GetAsync("/added-free?case=" + nobodys);

        // Then the unmarked route is guarded like every case route, and the marked one only carries the id along.
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(demo.ToString(), await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(HttpStatusCode.OK, freeForeign.StatusCode);
        Assert.Equal(nobodys.ToString(), await freeForeign.Content.ReadAsStringAsync());
    }

    private static JsonElement Loans(string json) => JsonDocument.Parse(json).RootElement.GetProperty("loans").Clone();
}
