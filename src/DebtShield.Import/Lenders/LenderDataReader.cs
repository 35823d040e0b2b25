using System.Globalization;
using System.Text.Json;
using DebtShield.Core.Law;
using DebtShield.Core.Lenders;
using DebtShield.Core.Vocabulary;
using DebtShield.Import.Contracts;

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
    /// <exception cref="FormatException">A field is missing or has a value the reader does not know.</exception>
    public static LenderDirectory Read(string licensedJson, string kindsJson)
    {
        ArgumentNullException.ThrowIfNull(licensedJson);
        ArgumentNullException.ThrowIfNull(kindsJson);
        using var licensed = JsonDocument.Parse(licensedJson);
        using var kinds = JsonDocument.Parse(kindsJson);
        var root = licensed.RootElement;
        var institutions = root.GetProperty("institutions").EnumerateArray().Select(e => new LicensedInstitution(
            e.GetProperty("name").GetString()!,
            Kind(e.GetProperty("kind").GetString()!) ?? throw new FormatException("licensed.json: an institution's kind must be a lender kind"),
            Strings(e.GetProperty("aliases")),
            [.. e.GetProperty("apps").EnumerateArray().Select(a => a.GetProperty("name").GetString()!)],
            Strings(e.GetProperty("formerNames")),
            Status(e.GetProperty("status").GetString()!),
            Strings(e.GetProperty("sources")))).ToArray();
        var kindList = kinds.RootElement.GetProperty("kinds").EnumerateArray().Select(k => new InstitutionKind(
            k.GetProperty("id").GetString()!,
            k.GetProperty("lenderKind").ValueKind == JsonValueKind.Null ? null : Kind(k.GetProperty("lenderKind").GetString()!),
            Strings(k.GetProperty("nameHints")),
            Strings(k.GetProperty("citations")),
            k.GetProperty("zh").GetString()!,
            k.GetProperty("en").GetString()!,
            k.GetProperty("explain_zh").GetString()!,
            k.GetProperty("explain_en").GetString()!)).ToArray();
        return new LenderDirectory(
            root.GetProperty("version").GetString()!,
            DateOnly.ParseExact(root.GetProperty("lastChecked").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            institutions,
            kindList);
    }

    /// <summary>The source ids of the list, with title, address and status, for reports.</summary>
    public static IReadOnlyDictionary<string, (string Title, string? Url, string Status)> Sources { get; } = ReadSources();

    private static Dictionary<string, (string Title, string? Url, string Status)> ReadSources()
    {
        using var licensed = JsonDocument.Parse(ContractDataReader.ReadEmbedded("DebtShield.Lenders.licensed.json"));
        return licensed.RootElement.GetProperty("source").EnumerateObject().ToDictionary(
            p => p.Name,
            p => (p.Value.GetProperty("title").GetString()!, p.Value.GetProperty("url").GetString(), p.Value.GetProperty("status").GetString()!),
            StringComparer.Ordinal);
    }

    private static Core.Loans.LenderKind? Kind(string name) => Vocabularies.LenderKinds.Parse(name);

    private static FactStatus Status(string name) => name switch
    {
        "verified" => FactStatus.Verified,
        "secondary" => FactStatus.Secondary,
        "uncertain" => FactStatus.Uncertain,
        _ => throw new FormatException("unknown status " + name),
    };

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
