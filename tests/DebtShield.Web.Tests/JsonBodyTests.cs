using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DebtShield.Web.Tests;

/// <summary>
/// An API body read when its endpoint is called (<see cref="Api.JsonBody"/>) is refused as a body
/// parameter was: 415 when the request says it is not JSON, 400 when it cannot be read or a required
/// one is missing, each answered with a problem document; an optional body may be left out. The
/// class shares two running apps: one over an empty ledger that only ever gets requests which must
/// store nothing (so it stays without a case, and each test still sees none), and one over the demo
/// case, which the optional body's test only reads; each test speaks from a browser of its own.
/// </summary>
public sealed class JsonBodyTests(SharedApp empty, SharedDemoApp demo) : IClassFixture<SharedApp>, IClassFixture<SharedDemoApp>
{
    [Fact]
    public async Task ApiBody_NotJson_IsRefusedAsAnUnsupportedMediaType()
    {
        await using var app = empty.App.NewBrowser();
        using var text = new StringContent("""{"offer":"借10000元"}""", Encoding.UTF8, "text/plain");

        var response = await app.Client.PostAsync("/api/v1/offer", text);

        await AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, response);
    }

    [Theory]
    [InlineData("/api/v1/offer", """{"offer": """)]
    [InlineData("/api/v1/offer", """{"income": "很多"}""")]
    [InlineData("/api/v1/offer", "null")]
    [InlineData("/api/v1/cases", "")]
    [InlineData("/api/v1/loans", """["不是一笔贷款"]""")]
    public async Task ApiBody_UnreadableOrMissing_IsRefusedAsABadRequestAndStoresNothing(string path, string body)
    {
        await using var app = empty.App.NewBrowser();
        using var json = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await app.Client.PostAsync(path, json);

        await AssertProblemAsync(HttpStatusCode.BadRequest, response);
        using var cases = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/cases"));
        Assert.Equal(0, cases.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task ApiBody_OptionalAndLeftOut_IsReadAsNone()
    {
        await using var app = demo.App.NewBrowser();

        var response = await app.Client.PostAsync("/api/v1/documents/contacts-notice?format=md", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiBody_Read_TakesTheWebDefaultsNamesInAnyCaseAndNumbersAsText()
    {
        await using var app = empty.App.NewBrowser();

        var response = await app.Client.PostAsJsonAsync("/api/v1/offer", new Dictionary<string, object> { ["OFFER"] = "借10000元，分12期，每期还1000元", ["income"] = "5000" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertProblemAsync(HttpStatusCode status, HttpResponseMessage response)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
    }
}
