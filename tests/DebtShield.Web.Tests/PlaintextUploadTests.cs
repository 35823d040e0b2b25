using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DebtShield.App.Input;
using DebtShield.Import.LoanTables;
using DebtShield.Tests.Shared;
using DebtShield.Tests.Shared.PhoneBackups;

namespace DebtShield.Web.Tests;

/// <summary>
/// Issue 22, item 7: no uploaded byte reaches the disk in plaintext. The real program runs in its
/// own process with its own temporary folder; each upload is paused part-way (the server has
/// received and stored megabytes of it), the folder is searched for the upload's text and for
/// slices of its bytes, then the upload finishes (or the program is killed) and the folder is
/// searched again. The four uploads that finish share one program (<see cref="SharedWebProcess"/>),
/// each in a case of its own and looking only at the files that appeared since it began; the kill
/// test starts a program of its own. The three forms refused before their file is read share one
/// app in this process over an empty ledger (<see cref="SharedApp"/>), each from a browser of its
/// own: a refused form stores nothing, so each still asserts that the ledger holds no evidence.
/// </summary>
public sealed class PlaintextUploadTests(SharedWebProcess shared, SharedApp emptyLedger) : IClassFixture<SharedWebProcess>, IClassFixture<SharedApp>
{
    private const string Collector = "17000001234";

    /// <summary>In every text from family and friends: what must never be found on disk.</summary>
    private const string Marker = "家人的私信-MARKER-5150";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PageImport_PhoneBackupPausedMidUpload_NoTemporaryFileHoldsItsTextDuringOrAfter()
    {
        var app = shared.Program;
        var inCase = "case=" + await app.NewCaseAsync("短信备份（网页）");
        var earlier = Files(app.Temporary);
        var backup = PhoneBackup();
        var token = await app.TokenAsync("/evidence?" + inCase);
        var file = new PausedContent(backup, backup.Length * 3 / 4);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Collector), "Collectors" },
            { file, "backup", "sms.xml" },
        };

        var sent = app.Client.PostAsync("/evidence?handler=Import&" + inCase, form);
        await file.Paused.WaitAsync(Patience);
        await StoredAsync(app, earlier, backup.Length / 2);
        var during = Plaintext(app.Temporary, backup);
        file.Resume();
        var response = await sent;
        var after = Plaintext(app.Temporary, backup);
        using var evidence = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/evidence?" + inCase));

        Assert.Empty(during);
        Assert.Empty(after);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(3, evidence.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ApiImport_PhoneBackupPausedMidUpload_NoTemporaryFileHoldsItsTextDuringOrAfter()
    {
        var app = shared.Program;
        var inCase = "case=" + await app.NewCaseAsync("短信备份（接口）");
        var earlier = Files(app.Temporary);
        var backup = PhoneBackup();
        using var body = new PausedContent(backup, backup.Length * 3 / 4);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        var sent = app.Client.PostAsync("/api/v1/evidence/import?file=sms.xml&collector=" + Collector + "&" + inCase, body);
        await body.Paused.WaitAsync(Patience);
        await StoredAsync(app, earlier, backup.Length / 2);
        var during = Plaintext(app.Temporary, backup);
        body.Resume();
        var response = await sent;
        var after = Plaintext(app.Temporary, backup);
        using var import = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Empty(during);
        Assert.Empty(after);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, import.RootElement.GetProperty("added").GetInt32());
    }

    [Fact]
    public async Task ApiImport_IphoneZipPausedMidUpload_ReadInMemoryAndNoTemporaryFileHoldsItsText()
    {
        using var builder = new IphoneBackupBuilder();
        var evening = new DateTimeOffset(2026, 11, 3, 21, 0, 0, TimeSpan.FromHours(8));
        builder.Messages(20_000, i => ("1390000" + (i % 100).ToString("0000", CultureInfo.InvariantCulture), evening.AddMinutes(i), Marker + " " + Guid.NewGuid().ToString("N")));
        builder.Message("95000111", evening, "今天不还就联系你通讯录");
        builder.Build();
        var zipPath = builder.Zip();
        byte[] zip;
        try
        {
            zip = await File.ReadAllBytesAsync(zipPath);
        }
        finally
        {
            File.Delete(zipPath);
        }

        Assert.True(zip.Length > 2 * SealedSpool.ChunkSize * 8, "the zip is " + zip.Length + " bytes");
        var app = shared.Program;
        var inCase = "case=" + await app.NewCaseAsync("苹果手机备份");
        var earlier = Files(app.Temporary);
        using var body = new PausedContent(zip, zip.Length * 3 / 4);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        var sent = app.Client.PostAsync("/api/v1/evidence/import?file=iphone.zip&collector=95000111&" + inCase, body);
        await body.Paused.WaitAsync(Patience);
        await StoredAsync(app, earlier, zip.Length / 2);
        var during = Plaintext(app.Temporary, zip);
        body.Resume();
        var response = await sent;
        var after = Plaintext(app.Temporary, zip);
        using var import = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Empty(during);
        Assert.Empty(after);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((20_001, 1), (import.RootElement.GetProperty("read").GetInt32(), import.RootElement.GetProperty("added").GetInt32()));
    }

    [Fact]
    public async Task PageImport_LoanWorkbookPausedMidUpload_ImportedAndNoTemporaryFileHoldsItsBytes()
    {
        IReadOnlyList<Core.Loans.Loan> loans;
        using (var sample = File.OpenRead(Path.Combine(RepositoryPaths.Root, "samples", "loans.xlsx")))
        {
            loans = LoanTableReader.ReadXlsx(sample).Loans;
        }

        var padding = new TableSheet("备注", ["备注"], Enumerable.Range(0, 40_000).Select(_ => new SheetCell[] { Marker + Guid.NewGuid().ToString("N") }));
        using var buffer = new MemoryStream();
        LoanTableWriter.WriteXlsx(buffer, loans, [padding]);
        var workbook = buffer.ToArray();
        var app = shared.Program;
        var inCase = "case=" + await app.NewCaseAsync("借款表");
        var earlier = Files(app.Temporary);
        var token = await app.TokenAsync("/loans?" + inCase);
        var file = new PausedContent(workbook, workbook.Length * 3 / 4);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "file", "借款.xlsx" },
        };

        var sent = app.Client.PostAsync("/loans?handler=Import&" + inCase, form);
        await file.Paused.WaitAsync(Patience);
        await StoredAsync(app, earlier, workbook.Length / 2);
        var during = Plaintext(app.Temporary, workbook);
        file.Resume();
        var response = await sent;
        var after = Plaintext(app.Temporary, workbook);
        using var stored = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/loans?" + inCase));

        Assert.Empty(during);
        Assert.Empty(after);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(loans.Count, stored.RootElement.GetProperty("loans").GetArrayLength());
    }

    [Fact]
    public async Task PageImport_ProgramKilledMidUpload_LeavesOnlyCiphertextBehind()
    {
        var backup = PhoneBackup();
        await using var app = await WebProcess.StartAsync();
        var token = await app.TokenAsync("/evidence");
        var file = new PausedContent(backup, backup.Length * 3 / 4);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "backup", "sms.xml" },
        };

        var sent = app.Client.PostAsync("/evidence?handler=Import", form);
        await file.Paused.WaitAsync(Patience);
        await StoredAsync(app, [], backup.Length / 2);
        app.Kill();
        file.Resume();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => sent);
        var left = app.Temporary.EnumerateFiles("*", SearchOption.AllDirectories).Where(f => f.Length > 0).ToList();

        Assert.Empty(Plaintext(app.Temporary, backup));
        Assert.All(left, f => Assert.StartsWith(SealedSpool.FolderPrefix, f.Directory!.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PageImport_NoAntiforgeryToken_RefusedAndNothingStored()
    {
        await using var app = emptyLedger.App.NewBrowser();
        await app.FormAsync("/evidence"); // the cookie half of the token, as a browser would hold it
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Collector), "Collectors" },
            { new ByteArrayContent(PhoneBackup()), "backup", "sms.xml" },
        };

        var response = await app.Client.PostAsync("/evidence?handler=Import", form);
        using var evidence = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/evidence"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, evidence.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task PageImport_TokenAfterTheFile_RefusedAndNothingStored()
    {
        await using var app = emptyLedger.App.NewBrowser();
        var (_, token) = await app.FormAsync("/evidence");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Collector), "Collectors" },
            { new ByteArrayContent(PhoneBackup()), "backup", "sms.xml" },
            { new StringContent(token), "__RequestVerificationToken" },
        };

        var response = await app.Client.PostAsync("/evidence?handler=Import", form);
        using var evidence = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/evidence"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, evidence.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task PageImport_CaseNamedInTheFileForm_RefusedAsInAnyForm()
    {
        await using var app = emptyLedger.App.NewBrowser();
        var (_, token) = await app.FormAsync("/evidence");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Guid.NewGuid().ToString()), "case" },
            { new ByteArrayContent(PhoneBackup()), "backup", "sms.xml" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/evidence?handler=Import") { Content = form };
        request.Headers.Accept.ParseAdd("text/html");

        var response = await app.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        using var evidence = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/evidence"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("案件只能在地址里指明", html, StringComparison.Ordinal);
        Assert.Equal(0, evidence.RootElement.GetProperty("total").GetInt32());
    }

    /// <summary>About 5 MB of "SMS Backup &amp; Restore" XML: texts from family with the marker, and three from the collector.</summary>
    private static byte[] PhoneBackup()
    {
        var xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses>\n");
        for (var i = 0; i < 3; i++)
        {
            xml.Append("<sms address=\"").Append(Collector).Append("\" date=\"").Append(1762171200000L + (i * 3_600_000L))
                .Append("\" type=\"1\" body=\"再不还款就通知你全部联系人\" />\n");
        }

        for (var i = 0; i < 12_000; i++)
        {
            xml.Append("<sms address=\"139").Append((i % 50).ToString("00000000", CultureInfo.InvariantCulture))
                .Append("\" date=\"").Append(1762171200000L + (i * 60_000L)).Append("\" type=\"1\" body=\"").Append(Marker)
                .Append(' ').Append(Guid.NewGuid().ToString("N")).Append("：周末回家吃饭吗？记得带上伞，天气预报说有雨。妈妈做了你爱吃的红烧肉。").Append(Guid.NewGuid().ToString("N")).Append("\" />\n");
        }

        return Encoding.UTF8.GetBytes(xml.Append("</smses>\n").ToString());
    }

    /// <summary>
    /// Waits until the program has stored at least <paramref name="bytes"/> in its temporary folder,
    /// counting only files not among <paramref name="earlier"/> (what an earlier upload of the shared
    /// program may have left there, which would otherwise count towards this one's).
    /// </summary>
    private static async Task StoredAsync(WebProcess app, IReadOnlyCollection<FileInfo> earlier, long bytes)
    {
        var old = earlier.Select(f => f.FullName).ToHashSet(StringComparer.Ordinal);
        long Stored() => Files(app.Temporary).Where(f => !old.Contains(f.FullName)).Sum(f => f.Length);
        var until = DateTime.UtcNow + Patience;
        while (Stored() < bytes)
        {
            Assert.True(DateTime.UtcNow < until, "the program stored " + Stored() + " bytes, not " + bytes);
            await Task.Delay(100);
        }
    }

    /// <summary>The files under <paramref name="folder"/> that hold the marker or any of eight slices of <paramref name="upload"/>.</summary>
    private static List<string> Plaintext(DirectoryInfo folder, byte[] upload)
    {
        var needles = Enumerable.Range(1, 8).Select(i => upload.AsMemory((int)((long)upload.Length * i / 9), 48)).Append(Encoding.UTF8.GetBytes(Marker)).ToList();
        var found = new List<string>();
        foreach (var file in Files(folder))
        {
            byte[] content;
            try
            {
                using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                content = copy.ToArray();
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                continue; // gone while looked at
            }

            if (needles.Any(n => content.AsSpan().IndexOf(n.Span) >= 0))
            {
                found.Add(file.FullName);
            }
        }

        return found;
    }

    private static List<FileInfo> Files(DirectoryInfo folder)
    {
        try
        {
            return [.. folder.EnumerateFiles("*", SearchOption.AllDirectories)];
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    /// <summary>A body sent in two parts: up to <c>pauseAt</c>, then, once <see cref="Resume"/> is called, the rest.</summary>
    private sealed class PausedContent(byte[] content, int pauseAt) : HttpContent
    {
        private readonly TaskCompletionSource paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Done once the first part is sent.</summary>
        public Task Paused => paused.Task;

        public void Resume() => resumed.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(content.AsMemory(0, pauseAt));
            await stream.FlushAsync();
            paused.TrySetResult();
            await resumed.Task;
            await stream.WriteAsync(content.AsMemory(pauseAt));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = content.Length;
            return true;
        }
    }
}
