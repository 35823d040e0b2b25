using System.Globalization;
using DebtShield.App.CheckLoans;

// `debtshield check --as-of DAY --batch INPUT --output OUTPUT [--lang en]`'s work, and nothing of the
// command line around it: AS_OF INPUT OUTPUT [LANGUAGE].
if (args.Length is < 3 or > 4)
{
    await Console.Error.WriteLineAsync("usage: AS_OF(yyyy-MM-dd) INPUT.jsonl OUTPUT.jsonl [zh-CN|en]");
    return 2;
}

CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(args.Length == 4 ? args[3] : "zh-CN");
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var asOf = DateOnly.ParseExact(args[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
await using var input = new FileStream(args[1], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
await using var output = new FileStream(args[2], FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
var summary = await CheckLoan.BatchAsync(input, output, new CheckRequest(asOf, asOf));
await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{summary.Read} read, {summary.Rejected} rejected"));
return 0;
