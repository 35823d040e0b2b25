using System.Reflection;
using System.Text.Json;
using DebtShield.Core;
using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Core.Planning;
using DebtShield.Core.Vocabulary;
using DebtShield.Import.DataFiles;

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
    /// <exception cref="Core.Reading.DataFileException">A field is missing or holds what the rules cannot use; the problem names the file, line and field.</exception>
    public static LegalRules ReadRules(Stream lprJson, Stream capsJson)
    {
        using var lpr = Parse("lpr.json", lprJson);
        using var caps = Parse("caps.json", capsJson);
        var lines = ById(caps.Root["lines"], "line");
        var flags = caps.Root["flags"];

        return new LegalRules
        {
            Lpr = ReadLpr(lpr.Root),
            PrivateLprMultiple = lines("private_4x_lpr").Get("rate").Get("multiple").Decimal(),
            PrivateReformDate = Date(lines("private_4x_lpr").Get("appliesToContractsFormedFrom")),
            PrivateCap = Basis(lines("private_4x_lpr")),
            PrivateTransition = Basis(lines("private_pre_2020_08_20_transition")),
            OldPrivateLine = lines("private_old_24_36").Get("rate").Get("protectedUpTo").Decimal(),
            OldPrivate = Basis(lines("private_old_24_36")),
            OldPrivateKeptIfPaidLine = lines("private_old_voluntary_payment").Get("rate").Get("keptIfPaidUpTo").Decimal(),
            OldPrivateKeptIfPaid = Basis(lines("private_old_voluntary_payment")),
            LicensedCourtLine = lines("licensed_court_24").Get("rate").Get("annual").Decimal(),
            LicensedCourt = Basis(lines("licensed_court_24")),
            ThirtySixLine = lines("criminal_illegal_lending_36").Get("rate").Get("annual").Decimal(),
            Flags = Enum.GetValues<LegalFlagKind>().ToDictionary(f => f, f => Basis(flags.Get(LegalWireIds.Of(f)))),
            Kinds = Enum.GetValues<LenderKind>().ToDictionary(k => k, k => KindRules(caps.Root.Get("byLenderKind").Get(Vocabularies.LenderKinds.WireId(k)))),
            PrincipalBasis = Basis(caps.Root.Get("commonRules").Get("principalBasis")),
            PaymentOrder = Basis(caps.Root.Get("commonRules").Get("paymentOrder")),
            OverdueCharges = Basis(caps.Root.Get("commonRules").Get("overdueCharges")),
            OverdueDefault = Basis(lines("private_overdue_default")),
            OldOverdueDefaultRate = lines("private_old_overdue_default").Get("rate").Get("annual").Decimal(),
            OldOverdueDefault = Basis(lines("private_old_overdue_default")),
            RateMeasure = Basis(caps.Root.Get("commonRules").Get("rateMeasure")),
            UnlicensedVoid = Basis(lines("unlicensed_void")),
        };
    }

    /// <summary>
    /// Reads the 2025 guideline on microloan companies' cost (UTF-8 JSON, the shape of
    /// <c>data/law/microloan-cost-2025.json</c>): its 24% line for new loans, the 4×LPR target and
    /// its deadline, from the reported distribution day, with the weakest status of those points.
    /// </summary>
    public static MicroloanGuideline ReadMicroloanGuideline(Stream guidelineJson)
    {
        using var document = Parse("microloan-cost-2025.json", guidelineJson);
        var root = document.Root;
        var points = ById(root["points"], "point");
        var line = points("new_loans_not_above_24");
        var target = points("reduce_to_4x_lpr_by_end_2027");
        var status = (FactStatus)Math.Max((int)Status(line.Get("status")), (int)Status(target.Get("status")));
        return new MicroloanGuideline(
            Date(root.Get("instrument").Get("reportedDistributed")),
            line.Get("rate").Decimal(),
            target.Get("multiple").Decimal(),
            Date(target.Get("deadline")),
            new LegalBasis([.. root.Get("forTheRule").Get("citations").Items().Select(c => c.String())], status));
    }

    /// <summary>
    /// Reads the 1991 opinion's line and the PBOC benchmark lending rates (UTF-8 JSON, the shape of
    /// <c>data/law/pboc-benchmark.json</c>).
    /// </summary>
    public static Opinion1991Rules ReadOpinion1991(Stream benchmarkJson)
    {
        using var document = Parse("pboc-benchmark.json", benchmarkJson);
        var root = document.Root;
        var line = root.Get("line");
        var changes = root.Get("changes").Items().Select(c => new BenchmarkRateChange(
            Date(c.Get("date")),
            c.Get("upToSixMonths").Decimal(),
            c.Get("upToOneYear").Decimal(),
            c.Get("upToThreeYears").Decimal(),
            c.Get("upToFiveYears").Decimal(),
            c.Get("overFiveYears").Decimal(),
            Status(c.Get("status"))));
        return new Opinion1991Rules(new BenchmarkLendingRates(changes), line.Get("multiple").Decimal(), Date(line.Get("appliesWhenFiledBefore")), Basis(line));
    }

    /// <summary>Reads the credit-record rules (UTF-8 JSON, the shape of <c>data/credit/credit-records.json</c>).</summary>
    public static CreditRecordRules ReadCreditRules(Stream creditJson)
    {
        using var document = Parse("credit-records.json", creditJson);
        var root = document.Root;
        var repair = root.Get("oneTimeRepair");
        var kinds = root.Get("reportingByLenderKind");
        return new CreditRecordRules(
            root.Get("retention").Get("years").Int32(),
            new OneTimeRepair(
                Date(repair.Get("incurredFrom")),
                Date(repair.Get("incurredTo")),
                new Money(repair.Get("maxSingleAmount").Decimal()),
                Date(repair.Get("repaidBy")),
                Date(repair.Get("earlyRepaidBy")),
                Date(repair.Get("earlyHiddenFrom")),
                Status(repair.Get("maxSingleAmountIncludes").Get("status"))),
            Enum.GetValues<LenderKind>().ToDictionary(k => k, k =>
            {
                var kind = kinds.Get(Vocabularies.LenderKinds.WireId(k));
                var reports = kind.Get("reports");
                return new CreditReporting(
                    reports.IsNull ? null : reports.Boolean(),
                    kind.Get("licensed").Boolean(),
                    Status(kind.Get("status")));
            }));
    }

    /// <summary>Reads a citation catalogue (UTF-8 JSON).</summary>
    /// <exception cref="Core.Reading.DataFileException">A field is missing or holds what the rules cannot use; the problem names the file, line and field.</exception>
    public static IReadOnlyDictionary<string, Citation> ReadCitations(Stream citationsJson)
    {
        using var document = Parse("citations.json", citationsJson);
        return document.Root.Get("citations").Items().Select(c => new Citation(
                c.Get("id").String(),
                c.Get("law_zh").String(),
                c.Get("law_en").String(),
                c.Optional("article") is { Element.ValueKind: JsonValueKind.String } article ? article.String() : string.Empty,
                c.Get("paraphrase_zh").String(),
                c.Get("paraphrase_en").String(),
                OptionalDate(c, "inForceFrom"),
                OptionalDate(c, "inForceTo"),
                Status(c.Get("status"))))
            .ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    private static LprTable ReadLpr(DataJsonValue root)
    {
        var fixings = root.Get("fixings").Items().Select(f => new LprFixing(
            Date(f.Get("date")),
            f.Get("oneYear").Decimal(),
            f.Get("fiveYear").Decimal(),
            Status(f.Get("status"))));
        return new LprTable(fixings, Date(root.Get("coverage").Get("inForceCertainThrough")));
    }

    private static LenderKindRules KindRules(DataJsonValue kind)
    {
        var views = kind.Get("views");
        var order = kind.Optional("defaultView") is { } preferred && preferred.String() == "licensed"
            ? new[] { "void", "licensed", "private" }
            : ["void", "private", "licensed"];
        var list = new List<(LegalView, FactStatus)>();
        foreach (var name in order)
        {
            if (views.Optional(name) is { } view)
            {
                list.Add((ViewNamed(name), Status(view.Get("capStatus"))));
            }
        }

        return list.Count > 0 ? new LenderKindRules(list) : throw views.Problem("a lender kind has no views");
    }

    private static LegalView ViewNamed(string name) => name switch
    {
        "private" => LegalView.PrivateLending,
        "licensed" => LegalView.LicensedInstitution,
        _ => LegalView.VoidUnlicensedLending,
    };

    private static LegalBasis Basis(DataJsonValue element) => new(
        [.. element.Get("citations").Items().Select(c => c.String())],
        Status(element.Get("status")));

    private static FactStatus Status(DataJsonValue element) => element.Status();

    private static DateOnly Date(DataJsonValue element) => element.Date();

    private static DateOnly? OptionalDate(DataJsonValue element, string name) =>
        element.Optional(name) is { Element.ValueKind: JsonValueKind.String } value ? Date(value) : null;

    private static DataJsonValue Get(this DataJsonValue element, string name) => element[name];

    /// <summary>A list of objects with ids (caps.json's lines, a guideline's points) as a look-up whose miss names the list.</summary>
    private static Func<string, DataJsonValue> ById(DataJsonValue list, string what)
    {
        var byId = list.Items().ToDictionary(l => l["id"].String(), StringComparer.Ordinal);
        return id => byId.TryGetValue(id, out var found) ? found : throw list.Problem("no " + what + " with the id " + id);
    }

    /// <summary>The text of a data file, read whole (they are small), parsed with its name for its problems.</summary>
    private static DataJsonFile Parse(string name, Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var reader = new StreamReader(json, System.Text.Encoding.UTF8);
        return DataJsonFile.Parse(name, reader.ReadToEnd());
    }

    private static Stream Open(string file, string folder = "law") =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(folder + "/" + file)
        ?? throw new InvalidDataException($"The legal data file data/{folder}/{file} is not embedded.");
}
