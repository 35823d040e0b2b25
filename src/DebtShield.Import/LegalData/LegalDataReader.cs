using System.Globalization;
using System.Reflection;
using System.Text.Json;
using DebtShield.Core;
using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Core.Planning;
using DebtShield.Core.Vocabulary;

namespace DebtShield.Import.LegalData;

/// <summary>
/// Reads the legal data shipped with the product (<c>data/law/lpr.json</c>, <c>caps.json</c>,
/// <c>citations.json</c>, embedded in this assembly) into the rules the legal engine applies.
/// </summary>
/// <remarks>
/// The data is ours, versioned and tested, so a malformed file is a bug: it throws
/// <see cref="InvalidDataException"/> naming the file and the field.
/// </remarks>
public static class LegalDataReader
{
    private static readonly Lazy<LegalRules> Shipped = new(() => ReadRules(Open("lpr.json"), Open("caps.json")) with
    {
        Opinion1991 = ReadOpinion1991(Open("pboc-benchmark.json")),
        MicroloanCost = ReadMicroloanGuideline(Open("microloan-cost-2025.json")),
    });
    private static readonly Lazy<IReadOnlyDictionary<string, Citation>> ShippedCitations = new(() => ReadCitations(Open("citations.json")));

    private static readonly Lazy<CreditRecordRules> ShippedCredit = new(() => ReadCreditRules(Open("credit-records.json", "credit")));

    /// <summary>The credit-record rules from the shipped <c>data/credit/credit-records.json</c>, read once.</summary>
    public static CreditRecordRules CreditRules => ShippedCredit.Value;

    /// <summary>The rules from the shipped data, read once.</summary>
    public static LegalRules Rules => Shipped.Value;

    /// <summary>The shipped citation catalogue by id, read once.</summary>
    public static IReadOnlyDictionary<string, Citation> Citations => ShippedCitations.Value;

    /// <summary>Reads rules from an LPR file and a caps file (UTF-8 JSON).</summary>
    public static LegalRules ReadRules(Stream lprJson, Stream capsJson)
    {
        using var lpr = JsonDocument.Parse(lprJson);
        using var caps = JsonDocument.Parse(capsJson);
        var lines = caps.RootElement.Get("lines").EnumerateArray().ToDictionary(l => l.Get("id").GetString()!);
        var flags = caps.RootElement.Get("flags");

        return new LegalRules
        {
            Lpr = ReadLpr(lpr.RootElement),
            PrivateLprMultiple = lines["private_4x_lpr"].Get("rate").Get("multiple").GetDecimal(),
            PrivateReformDate = Date(lines["private_4x_lpr"].Get("appliesToContractsFormedFrom")),
            PrivateCap = Basis(lines["private_4x_lpr"]),
            PrivateTransition = Basis(lines["private_pre_2020_08_20_transition"]),
            OldPrivateLine = lines["private_old_24_36"].Get("rate").Get("protectedUpTo").GetDecimal(),
            OldPrivate = Basis(lines["private_old_24_36"]),
            OldPrivateKeptIfPaidLine = lines["private_old_voluntary_payment"].Get("rate").Get("keptIfPaidUpTo").GetDecimal(),
            OldPrivateKeptIfPaid = Basis(lines["private_old_voluntary_payment"]),
            LicensedCourtLine = lines["licensed_court_24"].Get("rate").Get("annual").GetDecimal(),
            LicensedCourt = Basis(lines["licensed_court_24"]),
            ThirtySixLine = lines["criminal_illegal_lending_36"].Get("rate").Get("annual").GetDecimal(),
            Flags = Enum.GetValues<LegalFlagKind>().ToDictionary(f => f, f => Basis(flags.Get(FlagId(f)))),
            Kinds = Enum.GetValues<LenderKind>().ToDictionary(k => k, k => KindRules(caps.RootElement.Get("byLenderKind").Get(Vocabularies.LenderKinds.WireId(k)))),
            PrincipalBasis = Basis(caps.RootElement.Get("commonRules").Get("principalBasis")),
            PaymentOrder = Basis(caps.RootElement.Get("commonRules").Get("paymentOrder")),
            OverdueCharges = Basis(caps.RootElement.Get("commonRules").Get("overdueCharges")),
            OverdueDefault = Basis(lines["private_overdue_default"]),
            OldOverdueDefaultRate = lines["private_old_overdue_default"].Get("rate").Get("annual").GetDecimal(),
            OldOverdueDefault = Basis(lines["private_old_overdue_default"]),
            RateMeasure = Basis(caps.RootElement.Get("commonRules").Get("rateMeasure")),
            UnlicensedVoid = Basis(lines["unlicensed_void"]),
        };
    }

    /// <summary>
    /// Reads the 2025 guideline on microloan companies' cost (UTF-8 JSON, the shape of
    /// <c>data/law/microloan-cost-2025.json</c>): its 24% line for new loans, the 4×LPR target and
    /// its deadline, from the reported distribution day, with the weakest status of those points.
    /// </summary>
    public static MicroloanGuideline ReadMicroloanGuideline(Stream guidelineJson)
    {
        using var document = JsonDocument.Parse(guidelineJson);
        var root = document.RootElement;
        var points = root.Get("points").EnumerateArray().ToDictionary(p => p.Get("id").GetString()!);
        var line = points["new_loans_not_above_24"];
        var target = points["reduce_to_4x_lpr_by_end_2027"];
        var status = (FactStatus)Math.Max((int)Status(line.Get("status")), (int)Status(target.Get("status")));
        return new MicroloanGuideline(
            Date(root.Get("instrument").Get("reportedDistributed")),
            line.Get("rate").GetDecimal(),
            target.Get("multiple").GetDecimal(),
            Date(target.Get("deadline")),
            new LegalBasis([.. root.Get("forTheRule").Get("citations").EnumerateArray().Select(c => c.GetString()!)], status));
    }

    /// <summary>
    /// Reads the 1991 opinion's line and the PBOC benchmark lending rates (UTF-8 JSON, the shape of
    /// <c>data/law/pboc-benchmark.json</c>).
    /// </summary>
    public static Opinion1991Rules ReadOpinion1991(Stream benchmarkJson)
    {
        using var document = JsonDocument.Parse(benchmarkJson);
        var root = document.RootElement;
        var line = root.Get("line");
        var changes = root.Get("changes").EnumerateArray().Select(c => new BenchmarkRateChange(
            Date(c.Get("date")),
            c.Get("upToSixMonths").GetDecimal(),
            c.Get("upToOneYear").GetDecimal(),
            c.Get("upToThreeYears").GetDecimal(),
            c.Get("upToFiveYears").GetDecimal(),
            c.Get("overFiveYears").GetDecimal(),
            Status(c.Get("status"))));
        return new Opinion1991Rules(new BenchmarkLendingRates(changes), line.Get("multiple").GetDecimal(), Date(line.Get("appliesWhenFiledBefore")), Basis(line));
    }

    /// <summary>Reads the credit-record rules (UTF-8 JSON, the shape of <c>data/credit/credit-records.json</c>).</summary>
    public static CreditRecordRules ReadCreditRules(Stream creditJson)
    {
        using var document = JsonDocument.Parse(creditJson);
        var root = document.RootElement;
        var repair = root.Get("oneTimeRepair");
        var kinds = root.Get("reportingByLenderKind");
        return new CreditRecordRules(
            root.Get("retention").Get("years").GetInt32(),
            new OneTimeRepair(
                Date(repair.Get("incurredFrom")),
                Date(repair.Get("incurredTo")),
                new Money(repair.Get("maxSingleAmount").GetDecimal()),
                Date(repair.Get("repaidBy")),
                Date(repair.Get("earlyRepaidBy")),
                Date(repair.Get("earlyHiddenFrom")),
                Status(repair.Get("maxSingleAmountIncludes").Get("status"))),
            Enum.GetValues<LenderKind>().ToDictionary(k => k, k =>
            {
                var kind = kinds.Get(Vocabularies.LenderKinds.WireId(k));
                var reports = kind.Get("reports");
                return new CreditReporting(
                    reports.ValueKind == JsonValueKind.Null ? null : reports.GetBoolean(),
                    kind.Get("licensed").GetBoolean(),
                    Status(kind.Get("status")));
            }));
    }

    /// <summary>Reads a citation catalogue (UTF-8 JSON).</summary>
    public static IReadOnlyDictionary<string, Citation> ReadCitations(Stream citationsJson)
    {
        using var document = JsonDocument.Parse(citationsJson);
        return document.RootElement.Get("citations").EnumerateArray().Select(c => new Citation(
                c.Get("id").GetString()!,
                c.Get("law_zh").GetString()!,
                c.Get("law_en").GetString()!,
                c.TryGetProperty("article", out var article) && article.ValueKind == JsonValueKind.String ? article.GetString()! : string.Empty,
                c.Get("paraphrase_zh").GetString()!,
                c.Get("paraphrase_en").GetString()!,
                OptionalDate(c, "inForceFrom"),
                OptionalDate(c, "inForceTo"),
                Status(c.Get("status"))))
            .ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    /// <summary>The loan file's name for a flag: <c>upfront_deduction</c>, <c>above_private_cap</c>…</summary>
    public static string FlagId(LegalFlagKind flag) => flag switch
    {
        LegalFlagKind.UpfrontDeduction => "upfront_deduction",
        LegalFlagKind.AbovePrivateCap => "above_private_cap",
        LegalFlagKind.Above24 => "above_24",
        LegalFlagKind.Above36 => "above_36",
        LegalFlagKind.CompoundInterest => "compound_interest",
        LegalFlagKind.DisguisedFees => "disguised_fees",
        LegalFlagKind.IllegalDebtCandidate => "illegal_debt_candidate",
    };

    private static LprTable ReadLpr(JsonElement root)
    {
        var fixings = root.Get("fixings").EnumerateArray().Select(f => new LprFixing(
            Date(f.Get("date")),
            f.Get("oneYear").GetDecimal(),
            f.Get("fiveYear").GetDecimal(),
            Status(f.Get("status"))));
        return new LprTable(fixings, Date(root.Get("coverage").Get("inForceCertainThrough")));
    }

    private static LenderKindRules KindRules(JsonElement kind)
    {
        var views = kind.Get("views");
        var order = kind.TryGetProperty("defaultView", out var preferred) && preferred.GetString() == "licensed"
            ? new[] { "void", "licensed", "private" }
            : ["void", "private", "licensed"];
        var list = new List<(LegalView, FactStatus)>();
        foreach (var name in order)
        {
            if (views.TryGetProperty(name, out var view))
            {
                list.Add((ViewNamed(name), Status(view.Get("capStatus"))));
            }
        }

        return list.Count > 0 ? new LenderKindRules(list) : throw new InvalidDataException("caps.json: a lender kind has no views");
    }

    private static LegalView ViewNamed(string name) => name switch
    {
        "private" => LegalView.PrivateLending,
        "licensed" => LegalView.LicensedInstitution,
        _ => LegalView.VoidUnlicensedLending,
    };

    private static LegalBasis Basis(JsonElement element) => new(
        [.. element.Get("citations").EnumerateArray().Select(c => c.GetString()!)],
        Status(element.Get("status")));

    private static FactStatus Status(JsonElement element) => element.GetString() switch
    {
        "verified" => FactStatus.Verified,
        "secondary" => FactStatus.Secondary,
        "uncertain" => FactStatus.Uncertain,
        var other => throw new InvalidDataException($"Unknown status '{other}' in the legal data."),
    };

    private static DateOnly Date(JsonElement element) =>
        DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? OptionalDate(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Date(value) : null;

    private static JsonElement Get(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value
            : throw new InvalidDataException($"The legal data lacks the field '{name}'.");

    private static Stream Open(string file, string folder = "law") =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(folder + "/" + file)
        ?? throw new InvalidDataException($"The legal data file data/{folder}/{file} is not embedded.");
}
