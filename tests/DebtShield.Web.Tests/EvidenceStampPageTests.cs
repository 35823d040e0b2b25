using System.Net;
using System.Security.Cryptography.Pkcs;
using DebtShield.Tests.Shared.TimeStamps;
using Microsoft.Data.Sqlite;
using static DebtShield.Web.Tests.EvidencePageTests;

namespace DebtShield.Web.Tests;

/// <summary>
/// The evidence page's 可信时间戳 form over real HTTP against a real RFC 3161 authority on loopback
/// (<c>openssl ts</c>), and the page's verify result once a stamped head is cut off the chain. The
/// tests share one running app, each on a case of its own, and read and cut only that case's rows.
/// </summary>
public sealed class EvidenceStampPageTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 3, 14, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Timestamp_PostedToALocalAuthority_IsStoredAndShownOnThePage()
    {
        // Given a kept collector message
        await using var app = await shared.App.OnNewCaseAsync();
        using var authority = LocalTimeStampAuthority.Start();
        await ImportAsync(app, Threats(1), "17000001234");

        // When the borrower posts the form with the authority's address
        var posted = await app.PostFormAsync("/evidence", "/evidence?handler=Timestamp", [new("authority", authority.Address)]);
        var page = await app.Client.GetStringAsync("/evidence");

        // Then one request went out, holding the head's hash; the stamp is kept and shown
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(1, authority.Asked);
        Assert.True(Rfc3161TimestampRequest.TryDecode(authority.Requests[0], out var sent, out _));
        Assert.Equal(await TextAsync(app, "SELECT hash FROM evidence_entries WHERE sequence = 1 AND upper(case_id) = upper($case)"), Convert.ToHexStringLower(sent!.GetMessageHash().Span));
        Assert.Equal("1", await TextAsync(app, "SELECT COUNT(*) FROM head_stamps WHERE upper(case_id) = upper($case)"));
        Assert.Contains($"时间戳机构 {authority.Address} 已为链末端（第 1 条）签名", page, StringComparison.Ordinal);
        Assert.Contains($"第 1 条（当时的链末端）已由 {authority.Address} 于", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("freetsa.org/tsr", "时间戳机构的地址无效：“freetsa.org/tsr”")]
    [InlineData("ftp://127.0.0.1/tsr", "时间戳机构的地址无效：“ftp://127.0.0.1/tsr”")]
    public async Task Timestamp_ABadAddress_IsAClearMessageAndNothingIsSentOrStored(string address, string said)
    {
        await using var app = await shared.App.OnNewCaseAsync();
        using var authority = LocalTimeStampAuthority.Start();
        await ImportAsync(app, Threats(1), "17000001234");

        var posted = await app.PostFormAsync("/evidence", "/evidence?handler=Timestamp", [new("authority", address)]);
        var page = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains(said, page, StringComparison.Ordinal);
        Assert.Equal(0, authority.Asked);
        Assert.Equal("0", await TextAsync(app, "SELECT COUNT(*) FROM head_stamps WHERE upper(case_id) = upper($case)"));
    }

    [Fact]
    public async Task Timestamp_AnAuthorityThatRefuses_ShowsItsStatusAndReasonsAndStoresNothing()
    {
        await using var app = await shared.App.OnNewCaseAsync();
        using var authority = LocalTimeStampAuthority.Start(AuthorityConduct.Refuses);
        await ImportAsync(app, Threats(1), "17000001234");

        var posted = await app.PostFormAsync("/evidence", "/evidence?handler=Timestamp", [new("authority", authority.Address)]);
        var page = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(1, authority.Asked);
        Assert.Contains($"时间戳机构 {authority.Address} 没有给出时间戳：回复的状态是“拒绝（2）”，原因：不支持所用的哈希算法、机构不接受所请求的策略", page, StringComparison.Ordinal);
        Assert.Equal("0", await TextAsync(app, "SELECT COUNT(*) FROM head_stamps WHERE upper(case_id) = upper($case)"));
    }

    [Fact]
    public async Task Verify_AStampedHeadCutOffWithSql_ThePageSaysTheStampedHeadIsNoLongerInTheChain()
    {
        // Given three kept messages whose head was stamped
        await using var app = await shared.App.OnNewCaseAsync();
        using var authority = LocalTimeStampAuthority.Start();
        await ImportAsync(app, Threats(3), "17000001234");
        Assert.Equal(HttpStatusCode.Redirect, (await app.PostFormAsync("/evidence", "/evidence?handler=Timestamp", [new("authority", authority.Address)])).StatusCode);
        await app.PostFormAsync("/evidence", "/evidence?handler=Verify", []);
        var intact = await app.Client.GetStringAsync("/evidence");

        // When the last two are deleted with SQL and the case's head rewritten, and the page checks the chain
        await using (var connection = new SqliteConnection(app.Ledger.Location.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM evidence_entries WHERE sequence > 1 AND upper(case_id) = upper($case); "
                + "UPDATE cases SET evidence_count = 1, evidence_head = (SELECT hash FROM evidence_entries WHERE sequence = 1 AND upper(case_id) = upper($case)) WHERE upper(id) = upper($case)";
            command.Parameters.AddWithValue("$case", app.CaseId.ToString());
            Assert.Equal(3, await command.ExecuteNonQueryAsync()); // two entries and the case's row: only this test's case
        }

        await app.PostFormAsync("/evidence", "/evidence?handler=Verify", []);
        var cut = await app.Client.GetStringAsync("/evidence");
        await app.Client.GetStringAsync("/evidence?lang=en");
        await app.PostFormAsync("/evidence", "/evidence?handler=Verify", []);
        var english = await app.Client.GetStringAsync("/evidence");

        // Then the page says so, in both languages
        Assert.Contains("证据链完整", intact, StringComparison.Ordinal);
        Assert.Contains("证据链在第 3 条断开：这里曾是加盖过可信时间戳的链末端，但它已不在这条链上", cut, StringComparison.Ordinal);
        Assert.Contains("an authority time-stamped the chain head here, and that head is no longer in this chain", WebUtility.HtmlDecode(english), StringComparison.Ordinal);
    }

    /// <summary>A backup of <paramref name="count"/> threats from one collector, nine minutes apart.</summary>
    private static string Threats(int count) => Backup([.. Enumerable.Range(0, count)
        .Select(i => ("17000001234", Start.AddMinutes(i * 9), "不还钱就把你的欠款信息发给你通讯录里所有人，第" + (i + 1) + "次通知"))]);

    /// <summary>The first column of the first row <paramref name="sql"/> gives, with <c>$case</c> the test's case.</summary>
    private static async Task<string> TextAsync(RunningApp app, string sql)
    {
        await using var connection = new SqliteConnection(app.Ledger.Location.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$case", app.CaseId.ToString());
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
