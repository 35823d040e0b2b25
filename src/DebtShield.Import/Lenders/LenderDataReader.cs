using DebtShield.Core.Lenders;
using DebtShield.Core.Vocabulary;
using DebtShield.Import.Contracts;
using DebtShield.Import.DataFiles;

namespace DebtShield.Import.Lenders;

/// <summary>
/// Reads the lender reference list (<c>data/lenders/licensed.json</c>) and the institution kinds
/// (<c>data/lenders/kinds.json</c>), embedded in this assembly, into a <see cref="LenderDirectory"/>.
/// </summary>
public static class LenderDataReader
{
    private static readonly Lazy<LenderDirectory> Embedded = new(() => Read(
        ContractDataReader.ReadEmbedded("DebtShield.Lenders.licensed.json"),
        ContractDataReader.ReadEmbedded("DebtShield.Lenders.kinds.json")));

    /// <summary>The shipped directory; read once, shared.</summary>
    public static LenderDirectory Directory => Embedded.Value;

    /// <summary>Reads a directory from the two files' text.</summary>
    /// <exception cref="Core.Reading.DataFileException">A field is missing or has a value the reader does not know; the problem names the file, line and field.</exception>
    public static LenderDirectory Read(string licensedJson, string kindsJson)
    {
        ArgumentNullException.ThrowIfNull(licensedJson);
        ArgumentNullException.ThrowIfNull(kindsJson);
        using var licensed = DataJsonFile.Parse("licensed.json", licensedJson);
        using var kinds = DataJsonFile.Parse("kinds.json", kindsJson);
        var root = licensed.Root;
        var institutions = root["institutions"].Items().Select(e => new LicensedInstitution(
            e["name"].String(),
            Kind(e["kind"]),
            e["aliases"].Strings(),
            [.. e["apps"].Items().Select(a => a["name"].String())],
            e["formerNames"].Strings(),
            e["status"].Status(),
            e["sources"].Strings())).ToArray();
        var kindList = kinds.Root["kinds"].Items().Select(k => new InstitutionKind(
            k["id"].String(),
            k["lenderKind"] is { IsNull: true } ? null : Kind(k["lenderKind"]),
            k["nameHints"].Strings(),
            k["citations"].Strings(),
            k["zh"].String(),
            k["en"].String(),
            k["explain_zh"].String(),
            k["explain_en"].String())).ToArray();
        return new LenderDirectory(root["version"].String(), root["lastChecked"].Date(), institutions, kindList);
    }

    /// <summary>The source ids of the list, with title, address and status, for reports.</summary>
    public static IReadOnlyDictionary<string, (string Title, string? Url, string Status)> Sources { get; } = ReadSources();

    private static Dictionary<string, (string Title, string? Url, string Status)> ReadSources()
    {
        using var licensed = DataJsonFile.Parse("licensed.json", ContractDataReader.ReadEmbedded("DebtShield.Lenders.licensed.json"));
        return licensed.Root["source"].Fields().ToDictionary(
            p => p.Name,
            p => (p.Value["title"].String(), p.Value["url"].StringOrNull(), p.Value["status"].String()),
            StringComparer.Ordinal);
    }

    private static Core.Loans.LenderKind Kind(DataJsonValue value) =>
        Vocabularies.LenderKinds.Parse(value.String()) ?? throw value.Problem("not a lender kind: " + value.String());
}
