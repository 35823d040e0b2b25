using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;
using DebtShield.Import.Contracts;
using DebtShield.Import.DataFiles;

namespace DebtShield.Import.Guide;

/// <summary>
/// The rights guide (<c>docs/guide/{zh-CN,en}/NN-topic.md</c>) and its hotline table
/// (<c>data/guide/hotlines.json</c>), embedded in this assembly so the published command has them.
/// Topics are ordered by their file's number; a topic's id is the file name without number and extension.
/// </summary>
public static class GuideLibrary
{
    private const string Prefix = "DebtShield.Guide.";

    private const string PictureFolder = "images/";

    private static readonly Lazy<IReadOnlyList<ComplaintRoute>> ShippedRoutes = new(() => ReadRoutes(ContractDataReader.ReadEmbedded(Prefix + "complaint-channels.json")));

    private static readonly Lazy<IReadOnlyList<Hotline>> ShippedHotlines = new(() => ReadHotlines(ContractDataReader.ReadEmbedded(Prefix + "hotlines.json")));

    /// <summary>The languages the guide is written in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["zh-CN", "en"];

    /// <summary>Every hotline and channel the guide may name.</summary>
    public static IReadOnlyList<Hotline> Hotlines => ShippedHotlines.Value;

    /// <summary>Which channel each document is addressed to (<c>data/guide/complaint-channels.json</c>).</summary>
    public static IReadOnlyList<ComplaintRoute> Routes => ShippedRoutes.Value;

    /// <summary>Reads a complaint-channel file's text.</summary>
    /// <exception cref="Core.Reading.DataFileException">A field is missing, or a status or a lender kind is unknown; the problem names the line and field.</exception>
    public static IReadOnlyList<ComplaintRoute> ReadRoutes(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var file = DataJsonFile.Parse("complaint-channels.json", json);
        return [.. file.Root["routes"].Items().Select(r => new ComplaintRoute(
            r["document"].String(),
            r.Optional("lenderKinds") is { } kinds
                ? [.. kinds.Items().Select(k => Vocabularies.LenderKinds.Parse(k.String()) ?? throw k.Problem("not a lender kind: " + k.String()))]
                : [],
            r["hotline"].String(),
            r["why_zh"].String(),
            r["why_en"].String(),
            r["status"].Status(),
            r["source"].String()))];
    }

    /// <summary>The topic ids in order, from the files of <paramref name="language"/>.</summary>
    public static IReadOnlyList<string> TopicIds(string language) =>
        [.. Files(language).Select(f => f.Id)];

    /// <summary>The Markdown of a topic as written (placeholders not yet expanded), or null when there is no such topic.</summary>
    public static string? ReadTopic(string language, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var file = Files(language).FirstOrDefault(f => f.Id == id);
        return file.Resource is null ? null : ContractDataReader.ReadEmbedded(file.Resource);
    }

    /// <summary>
    /// The names of the guide's pictures (<c>docs/guide/images/</c>), which the topics show as
    /// <c>![alt](../images/NAME)</c>: screenshots of our own pages (PNG) and step diagrams (SVG).
    /// </summary>
    public static IReadOnlyList<string> PictureNames() =>
        [.. typeof(GuideLibrary).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix + PictureFolder, StringComparison.Ordinal))
            .Select(n => n[(Prefix + PictureFolder).Length..])
            .Order(StringComparer.Ordinal)];

    /// <summary>A picture's bytes, or null when the guide has no picture of that name.</summary>
    public static byte[]? ReadPicture(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var stream = typeof(GuideLibrary).Assembly.GetManifestResourceStream(Prefix + PictureFolder + name);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Reads a hotline file's text.</summary>
    /// <exception cref="Core.Reading.DataFileException">A field is missing, or a status is not verified, secondary or uncertain; the problem names the line and field.</exception>
    public static IReadOnlyList<Hotline> ReadHotlines(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var file = DataJsonFile.Parse("hotlines.json", json);
        return [.. file.Root["hotlines"].Items().Select(h => new Hotline(
            h["id"].String(),
            h["number"].String(),
            h["name_zh"].String(),
            h["name_en"].String(),
            h["handles_zh"].String(),
            h["handles_en"].String(),
            h["status"].Status(),
            h["source"].String(),
            h.Optional("web")?.StringOrNull()))];
    }

    private static IEnumerable<(string Id, string Resource)> Files(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var folder = Prefix + language + "/";
        return typeof(GuideLibrary).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(folder, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                var name = n[folder.Length..^".md".Length];
                var dash = name.IndexOf('-', StringComparison.Ordinal);
                return (dash > 0 ? name[(dash + 1)..] : name, n);
            });
    }
}

/// <summary>A hotline or complaint channel.</summary>
/// <param name="Id">The id the guide uses in <c>{{tel:ID}}</c>.</param>
/// <param name="Number">The number or address to use.</param>
/// <param name="ChineseName">Who runs it, in Chinese.</param>
/// <param name="EnglishName">Who runs it, in English.</param>
/// <param name="ChineseHandles">What it handles, in Chinese.</param>
/// <param name="EnglishHandles">What it handles, in English.</param>
/// <param name="Status">How well its purpose is checked.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="Web">Its web form or site, where one is known.</param>
public sealed record Hotline(string Id, string Number, string ChineseName, string EnglishName, string ChineseHandles, string EnglishHandles, FactStatus Status, string Source, string? Web = null);

/// <summary>Where one document goes: for a regulator complaint, by the lender's kind.</summary>
/// <param name="Document">The document kind (<c>regulator-complaint</c>).</param>
/// <param name="LenderKinds">The lender kinds it covers; empty when the route does not depend on the lender.</param>
/// <param name="HotlineId">The channel, an id in the hotline table.</param>
/// <param name="ChineseWhy">Why this channel, in Chinese.</param>
/// <param name="EnglishWhy">Why this channel, in English.</param>
/// <param name="Status">How well the routing is established.</param>
/// <param name="Source">Where it comes from.</param>
public sealed record ComplaintRoute(string Document, IReadOnlyList<LenderKind> LenderKinds, string HotlineId, string ChineseWhy, string EnglishWhy, FactStatus Status, string Source);
