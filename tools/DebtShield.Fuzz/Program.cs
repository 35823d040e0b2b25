using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using DebtShield.App;
using DebtShield.App.Ledgers;
using DebtShield.App.RecordEvidence;
using DebtShield.Data;
using DebtShield.Data.Backups;
using DebtShield.Fuzz;
using DebtShield.Import.CaseFiles;
using DebtShield.Import.LoanFiles;
using DebtShield.Import.LoanTables;
using DebtShield.Import.PastedText;
using DebtShield.Import.PhoneBackups;
using DebtShield.Import.Screenshots;
using DebtShield.Tests.Shared.PhoneBackups;
using SkiaSharp;

// debtshield-fuzz [SECONDS-PER-READER] [SEED] [REPOSITORY]: mutates each reader's seeds for a fixed
// time and prints, per reader, the inputs tried and how many were accepted, refused with a message,
// or crashed (anything else thrown: a bug). Crashing inputs are saved under fuzz-crashes/.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20261205;
var root = args.Length > 2 ? args[2] : FindRoot();
var samples = Path.Combine(root, "samples");
var work = Directory.CreateTempSubdirectory("debtshield-fuzz-").FullName;
var crashes = Path.Combine(Environment.CurrentDirectory, "fuzz-crashes");
var clock = TimeProvider.System;

var readers = new List<Reader>
{
    new("phone backup XML", [Read(samples, "sms-backup.xml"), Read(samples, "calls-backup.xml")], bytes =>
    {
        var (reader, records) = PhoneBackupReader.Read(new MemoryStream(bytes));
        var count = records.Count();
        return Task.FromResult(reader.Break is null && count > 0);
    }, typeof(PhoneBackupException)),
    new("phone CSV", [PhoneCsv()], bytes =>
    {
        var (reader, records) = PhoneBackupReader.Read(new MemoryStream(bytes));
        var count = records.Count();
        return Task.FromResult(reader.Break is null && count > 0);
    }, typeof(PhoneBackupException)),
    new("iPhone backup (sms.db, call history)", [IphoneDatabase()], bytes => ReadIphone(work, bytes), typeof(PhoneBackupException)),
    new("loan file (JSON)", [Read(samples, "loan.json")], bytes => Task.FromResult(LoanFileReader.Read(bytes, "fuzz").Errors.Count == 0)),
    new("case file (JSON)", [Read(samples, "demo-case.json")], bytes => Task.FromResult(CaseFileReader.Read(bytes).Errors.Count == 0)),
    new("loan table CSV", [Read(samples, "loans.csv")], bytes => Task.FromResult(LoanTableReader.ReadCsv(new MemoryStream(bytes)).Errors.Count == 0)),
    new("loan table XLSX", [Read(samples, "loans.xlsx")], bytes => Task.FromResult(LoanTableReader.ReadXlsx(new MemoryStream(bytes)).Errors.Count == 0)),
    new("pasted repayment text", [.. PastedSeeds.Select(Encoding.UTF8.GetBytes)], bytes => Task.FromResult(PastedScheduleReader.Read(Encoding.UTF8.GetString(bytes)).Errors.Count == 0)),
    new("screenshot (PNG/JPEG headers, EXIF)", [Picture(SKEncodedImageFormat.Png), Picture(SKEncodedImageFormat.Jpeg)], bytes =>
    {
        ScreenshotReader.FromMetadata(bytes);
        var image = ScreenshotImage.Decode(bytes, "fuzz.png");
        return Task.FromResult(image.Width > 0);
    }, typeof(ScreenshotException)),
    new("ledger backup (restore)", [await BackupJsonAsync(work, samples, clock)], bytes => RestoreAsync(work, bytes), typeof(LedgerException), typeof(RequestRefusedException)),
};

Console.WriteLine($"seed {seed}, {seconds} s per reader, {Environment.ProcessorCount} cores, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine("| reader | seeds | inputs | accepted | refused | crashed | distinct crashes |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
var totalCrashes = 0;
foreach (var reader in readers)
{
    var mutator = new Mutator(seed);
    var watch = Stopwatch.StartNew();
    int tried = 0, accepted = 0, refused = 0, crashed = 0;
    var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
    while (watch.Elapsed.TotalSeconds < seconds)
    {
        var input = mutator.Mutate(reader.Seeds[tried % reader.Seeds.Count]);
        tried++;
        try
        {
            if (await reader.Run(input))
            {
                accepted++;
            }
            else
            {
                refused++;
            }
        }
        catch (Exception e) when (reader.Refusals.Any(t => t.IsInstanceOfType(e)))
        {
            refused++;
        }
        catch (Exception e)
        {
            crashed++;
            var where = new StackTrace(e).GetFrames().FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("DebtShield", StringComparison.Ordinal) == true)?.GetMethod();
            var kind = $"{e.GetType().Name} in {where?.DeclaringType?.Name}.{where?.Name}";
            if (kinds.TryAdd(kind, 1))
            {
                Directory.CreateDirectory(crashes);
                var file = Path.Combine(crashes, $"{Slug(reader.Name)}-{kinds.Count}.bin");
                File.WriteAllBytes(file, input);
                File.WriteAllText(file + ".txt", e.ToString());
            }
            else
            {
                kinds[kind]++;
            }
        }
    }

    totalCrashes += crashed;
    Console.WriteLine($"| {reader.Name} | {reader.Seeds.Count} | {tried} | {accepted} | {refused} | {crashed} | {string.Join("; ", kinds.Select(k => $"{k.Key} ×{k.Value}"))} |");
}

Directory.Delete(work, recursive: true);
return totalCrashes == 0 ? 0 : 1;

static byte[] Read(string folder, string name) => File.ReadAllBytes(Path.Combine(folder, name));

static string FindRoot()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "DebtShield.slnx")))
        {
            return folder.FullName;
        }
    }

    throw new InvalidOperationException("run from inside the repository, or give its path");
}

static string Slug(string name) => new([.. name.Where(char.IsAsciiLetterOrDigit).Take(20)]);

static byte[] PhoneCsv() => Encoding.UTF8.GetBytes("时间,号码,方向,类型,内容,结果,时长\n"
    + string.Concat(Enumerable.Range(0, 20).Select(i => string.Create(CultureInfo.InvariantCulture, $"2026-11-03 21:{i:00},1700000{i:0000},收,短信,你欠的钱再不还就去你单位找你 {i},,\n")))
    + "2026-11-04 09:10:05,17000001234,来电,电话,,未接,0\n");

static byte[] Picture(SKEncodedImageFormat format)
{
    using var bitmap = new SKBitmap(120, 200);
    using (var canvas = new SKCanvas(bitmap))
    {
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint { Color = new SKColor(0x95, 0xec, 0x69) };
        canvas.DrawRect(40, 60, 70, 30, paint);
    }

    using var data = bitmap.Encode(format, 90);
    return data.ToArray();
}

static byte[] IphoneDatabase()
{
    using var builder = new IphoneBackupBuilder();
    var time = new DateTimeOffset(2026, 11, 3, 13, 40, 0, TimeSpan.Zero);
    for (var i = 0; i < 10; i++)
    {
        builder.Message("+8617000001234", time.AddMinutes(i), "你欠的钱再不还就去你单位找你 " + i.ToString(CultureInfo.InvariantCulture));
    }

    builder.Call("+8617000001234", time.AddHours(1), 0, answered: false);
    return File.ReadAllBytes(builder.Zip());
}

static async Task<bool> ReadIphone(string work, byte[] zip)
{
    var path = Path.Combine(work, "iphone.zip");
    await File.WriteAllBytesAsync(path, zip);
    using var backup = IphoneBackup.Open(path);
    var (_, records) = IphoneRecordReader.Read(backup);
    return records.Any();
}

static async Task<byte[]> BackupJsonAsync(string work, string samples, TimeProvider clock)
{
    var file = Path.Combine(work, "seed", "ledger.db");
    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
    var ledger = await Ledger.OpenAsync(LedgerLocation.Parse(file), () => null, null);
    await ImportPhoneBackup.ImportAsync(ledger, null, Path.Combine(samples, "sms-backup.xml"), new PhoneBackupChoices([]), clock);
    var backup = Path.Combine(work, "seed.backup");
    await LedgerBackup.WriteAsync(ledger, backup, clock);
    await using var gzip = new GZipStream(File.OpenRead(backup), CompressionMode.Decompress);
    using var json = new MemoryStream();
    await gzip.CopyToAsync(json);
    return json.ToArray();
}

// The backup's JSON is mutated, then gzipped: a mutated gzip stream is only ever a CRC failure.
static async Task<bool> RestoreAsync(string work, byte[] json)
{
    var folder = Path.Combine(work, "restore-" + Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folder);
    try
    {
        var backup = Path.Combine(folder, "ledger.backup");
        await using (var gzip = new GZipStream(File.Create(backup), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(json);
        }

        return await LedgerAdministration.RestoreAsync(LedgerLocation.Parse(Path.Combine(folder, "ledger.db")), backup, () => null) > 0;
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

internal sealed record Reader(string Name, IReadOnlyList<byte[]> Seeds, Func<byte[], Task<bool>> Run, params Type[] Refusals);

internal static partial class Program
{
    private static readonly string[] PastedSeeds =
    [
        "第3期 2026/03/05 本金833.33 利息150.00 服务费41.17 担保费10 合计1034.50\n第4期 2026/04/05 本金833.33 利息150.00 服务费41.17 担保费10 合计1034.50",
        "2026-03-05 本金900 利息100.5\n2026-04-05 本金900 利息90.25\n已还 2026-03-05 1000.50",
    ];
}
