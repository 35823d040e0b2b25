using System.Globalization;
using DebtShield.Tests.Shared;

namespace DebtShield.Core.Tests.Rates;

/// <summary>Reads the published CSV vectors under tests/vectors/rates (copied from the published shared/testdata).</summary>
internal static class PublishedVectors
{
    public static IEnumerable<Dictionary<string, string>> Csv(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.TestVectors, "rates", name));
        var header = lines[0].Split(',');
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            yield return header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : string.Empty)).ToDictionary(p => p.h, p => p.v);
        }
    }

    /// <summary>"-37155;560 x144" → -37155 followed by 144 × 560.</summary>
    public static double[] Flows(string text) => text.Split(';').SelectMany(cell =>
    {
        var parts = cell.Split(" x");
        var value = double.Parse(parts[0], CultureInfo.InvariantCulture);
        var count = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1;
        return Enumerable.Repeat(value, count);
    }).ToArray();

    public static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Half a unit in the last printed decimal place, plus rounding slack: the precision a printed value carries.</summary>
    public static double PrintedPrecision(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : text.Length - dot - 1;
        return (0.5 * Math.Pow(10, -decimals)) + 1e-15;
    }
}
