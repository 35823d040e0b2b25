using DebtShield.Core.Loans;

namespace DebtShield.Import.LoanFiles;

/// <summary>
/// The names an advertised rate's unit and method have in loan files and loan tables
/// (<c>day</c>, <c>fee_rate</c>…), so that both readers and the writer agree on one spelling.
/// </summary>
public static class RateNames
{
    private static readonly Dictionary<string, RatePer> PerByName = new(StringComparer.Ordinal)
    {
        ["day"] = RatePer.Day,
        ["month"] = RatePer.Month,
        ["year"] = RatePer.Year,
    };

    private static readonly Dictionary<string, AdvertisedMethod> MethodByName = new(StringComparer.Ordinal)
    {
        ["nominal"] = AdvertisedMethod.Nominal,
        ["irr"] = AdvertisedMethod.Irr,
        ["apr"] = AdvertisedMethod.Apr,
        ["fee_rate"] = AdvertisedMethod.FeeRate,
        ["unknown"] = AdvertisedMethod.Unknown,
    };

    private static readonly Dictionary<RatePer, string> NameByPer = PerByName.ToDictionary(p => p.Value, p => p.Key);

    private static readonly Dictionary<AdvertisedMethod, string> NameByMethod = MethodByName.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>The unit a name stands for, or <see langword="null"/> for a name we do not know.</summary>
    public static RatePer? ParsePer(string? name) => name is not null && PerByName.TryGetValue(name, out var per) ? per : null;

    /// <summary>The method a name stands for, or <see langword="null"/> for a name we do not know.</summary>
    public static AdvertisedMethod? ParseMethod(string? name) =>
        name is not null && MethodByName.TryGetValue(name, out var method) ? method : null;

    /// <summary>The name of a unit.</summary>
    public static string Name(RatePer per) => NameByPer[per];

    /// <summary>The name of a method.</summary>
    public static string Name(AdvertisedMethod method) => NameByMethod[method];
}
