using System.Text.Json;
using DebtShield.App.Input;
using DebtShield.App.RecordEvidence;
using DebtShield.Web.Api;

namespace DebtShield.Web.Tests;

/// <summary>
/// A phone-backup import's problems are App's <see cref="ReadingProblem"/>s, and the API writes
/// them as it wrote the readers' own records: a part of the location a reader does not give is
/// left out, so each kept its JSON.
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
            [new ReadingProblem { Line = 4, Reason = "not a text" }],
            new ReadingProblem { Line = 9, ByteOffset = 300, Reason = "cut off" },
            [new ReadingProblem { Database = "sms.db", RecordsRead = 12, Reason = "damaged" }]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(import, WebJsonContext.Default.PhoneBackupImport));

        Assert.Equal("""[{"line":4,"reason":"not a text"}]""", Raw(json, "problems"));
        Assert.Equal("""{"line":9,"byteOffset":300,"reason":"cut off"}""", Raw(json, "break"));
        Assert.Equal("""[{"database":"sms.db","recordsRead":12,"reason":"damaged"}]""", Raw(json, "damagedDatabases"));
    }

    private static string Raw(JsonDocument json, string property) => json.RootElement.GetProperty(property).GetRawText();
}
