using System.Net.Http.Json;
using System.Text.Json;
using DebtShield.App.RecordEvidence;
using DebtShield.Core.Reading;
using DebtShield.Web.Api;

namespace DebtShield.Web.Tests;

/// <summary>
/// Every reader's problems are one type, <see cref="ReadingProblem"/>, whose location is one object in
/// C#; the API writes each flat, with only the parts of the location it has, as it wrote the readers'
/// own records, so each kept its JSON.
/// </summary>
public sealed class ReadingProblemJsonTests
{
    [Fact]
    public void PhoneBackupImport_ProblemsBreakAndDamage_KeepTheirJson()
    {
        var import = new PhoneBackupImport(
            3,
            1,
            0,
            2,
            [],
            [new ReadingProblem(SourceLocation.AtLine(4), "not a text")],
            new ReadingProblem(SourceLocation.AtLine(9, 300), "cut off"),
            [new ReadingProblem(SourceLocation.InDatabase("sms.db", 12), "damaged")]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(import, WebJsonContext.Default.PhoneBackupImport));

        Assert.Equal("""[{"line":4,"reason":"not a text"}]""", Raw(json, "problems"));
        Assert.Equal("""{"line":9,"byteOffset":300,"reason":"cut off"}""", Raw(json, "break"));
        Assert.Equal("""[{"database":"sms.db","recordsRead":12,"reason":"damaged"}]""", Raw(json, "damagedDatabases"));
    }

    [Fact]
    public void PhoneBackupImport_WrittenAndReadBack_IsTheSameProblems()
    {
        var import = new PhoneBackupImport(1, 0, 0, 1, [], [new ReadingProblem(SourceLocation.AtLine(4), "not a text")], null, []);

        var read = JsonSerializer.Deserialize(JsonSerializer.Serialize(import, WebJsonContext.Default.PhoneBackupImport), WebJsonContext.Default.PhoneBackupImport)!;

        Assert.Equal(import.Problems, read.Problems);
        Assert.Null(read.Break);
    }

    [Fact]
    public async Task OfferApi_ALineNotUnderstood_IsWrittenAsItsLineTextAndReasonThroughTheHostsOptions()
    {
        // Given the running app (its JSON options chain App's and the web's contexts); when an offer
        // with a line of figures the reader does not understand is checked through the API.
        await using var app = await RunningApp.StartAsync(demo: false);
        var response = await app.Client.PostAsJsonAsync("/api/v1/offer", new { offer = "借款金额 10000元\n提前还款 3 次免费\n12期\n月利率1%" });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // Then the line comes back flat, as it always did: {line, text, reason}, nothing else.
        var unread = Assert.Single(json.RootElement.GetProperty("unread").EnumerateArray());
        Assert.Equal(["line", "text", "reason"], unread.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, unread.GetProperty("line").GetInt32());
        Assert.Equal("提前还款 3 次免费", unread.GetProperty("text").GetString());
    }

    private static string Raw(JsonDocument json, string property) => json.RootElement.GetProperty(property).GetRawText();
}
