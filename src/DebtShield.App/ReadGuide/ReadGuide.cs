using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DebtShield.App.Resources;
using DebtShield.Core.Law;
using DebtShield.Import.Guide;

namespace DebtShield.App.ReadGuide;

/// <summary>
/// Use case: the rights guide for a frightened reader, in the current UI language. Topics are
/// Markdown files in <c>docs/guide/</c>; every hotline they name is a placeholder filled from
/// <c>data/guide/hotlines.json</c>, with how well its purpose is checked. The CLI's
/// <c>debtshield guide [TOPIC]</c> and the web app call this.
/// </summary>
public static partial class ReadGuide
{
    /// <summary>The language of the guide for the current UI culture: English or zh-CN.</summary>
    public static string Language => CheckWording.English ? "en" : "zh-CN";

    /// <summary>Every topic: its id and title, in order.</summary>
    public static IReadOnlyList<GuideTopicSummary> Topics() =>
        [.. GuideLibrary.TopicIds(Language).Select(id => new GuideTopicSummary(id, TitleOf(GuideLibrary.ReadTopic(Language, id)!)))];

    /// <summary>
    /// One topic with its hotlines filled in, and each step it sends the reader to written for where
    /// it is read: the command in a terminal, a link to the page that does it in the web app.
    /// </summary>
    /// <exception cref="RequestRefusedException">There is no such topic; the message lists the topics.</exception>
    public static GuideTopicReport Read(string topic, GuideReader reader = GuideReader.Terminal)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var markdown = GuideLibrary.ReadTopic(Language, topic.Trim().ToLowerInvariant())
            ?? throw new RequestRefusedException(Localized.Format(
                CheckText.Guide_UnknownTopic,
                topic,
                string.Join(", ", GuideLibrary.TopicIds(Language))));
        var used = new List<Hotline>();
        var expanded = Placeholder().Replace(markdown, match =>
        {
            var ids = match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var hotlines = ids.Select(Find).ToArray();
            used.AddRange(hotlines);
            return match.Groups["kind"].Value == "tel" ? Inline(hotlines[0]) : Table(hotlines);
        });
        expanded = Step().Replace(expanded, match => GuideSteps.Write(match.Groups["kind"].Value, match.Groups["id"].Value, reader));
        expanded = Picture().Replace(expanded, match => reader == GuideReader.Web
            ? "![" + match.Groups["alt"].Value + "](" + PicturePath + match.Groups["name"].Value + ")"
            : Localized.Format(CheckText.Guide_Picture, match.Groups["alt"].Value));
        return new GuideTopicReport(
            topic.Trim().ToLowerInvariant(),
            TitleOf(markdown),
            expanded,
            [.. used.Distinct().Select(HotlineFigure.From)]);
    }

    /// <summary>The placeholders of a topic's Markdown: <c>{{tel:ID}}</c> and <c>{{hotlines:ID,ID,…}}</c>.</summary>
    [GeneratedRegex(@"\{\{(?<kind>tel|hotlines):(?<ids>[^}]+)\}\}")]
    public static partial Regex Placeholder();

    /// <summary>Where the web app serves the guide's pictures.</summary>
    public const string PicturePath = "/guide/images/";

    /// <summary>
    /// The pictures of a topic's Markdown, <c>![alt](../images/NAME)</c> as the files in
    /// <c>docs/guide/</c> write them (so they show where the Markdown is read as it is): on the web
    /// served from <see cref="PicturePath"/>, in a terminal told by their alt text.
    /// </summary>
    [GeneratedRegex(@"!\[(?<alt>[^\]]+)\]\(\.\./images/(?<name>[A-Za-z0-9][A-Za-z0-9.-]*\.(?:png|svg))\)")]
    public static partial Regex Picture();

    /// <summary>One of the guide's pictures, for the web app to serve; null when there is no picture of that name.</summary>
    public static GuidePicture? ReadPicture(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var type = Path.GetExtension(name) switch
        {
            ".png" => "image/png",
            ".svg" => "image/svg+xml",
            _ => null,
        };
        return type is not null && GuideLibrary.ReadPicture(name) is { } content ? new GuidePicture(content, type) : null;
    }

    /// <summary>The steps of a topic's Markdown: <c>{{do:ID}}</c> (a use case) and <c>{{guide:TOPIC}}</c> (another topic).</summary>
    [GeneratedRegex(@"\{\{(?<kind>do|guide):(?<id>[a-z-]+)\}\}")]
    public static partial Regex Step();

    private static Hotline Find(string id) =>
        GuideLibrary.Hotlines.FirstOrDefault(h => h.Id == id)
        ?? throw new InvalidOperationException("The guide names a hotline that is not in data/guide/hotlines.json: " + id);

    private static string TitleOf(string markdown) =>
        markdown.ReplaceLineEndings("\n").Split('\n').FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? "";

    private static string Inline(Hotline hotline) => CheckWording.English
        ? $"**{hotline.Number}** ({hotline.EnglishName})"
        : $"**{hotline.Number}**（{hotline.ChineseName}）";

    private static string Table(IEnumerable<Hotline> hotlines)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"| {CheckText.Guide_Column_Number} | {CheckText.Guide_Column_Name} | {CheckText.Guide_Column_Handles} | {CheckText.Guide_Column_Status} |\n");
        text.Append("| --- | --- | --- | --- |\n");
        foreach (var h in hotlines)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {h.Number} | {CheckWording.Pick(h.ChineseName, h.EnglishName)} | {CheckWording.Pick(h.ChineseHandles, h.EnglishHandles)} | {StatusWord(h.Status)} |\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>How well a hotline's purpose (or a citation) is checked, in the reader's words, or in <paramref name="culture"/>'s.</summary>
    internal static string StatusWord(FactStatus status, CultureInfo? culture = null) => CheckLoans.LegalNames.Status(status, culture);

    /// <summary>The title of the guide topic <paramref name="id"/> in <paramref name="language"/>; null when there is no such topic.</summary>
    internal static string? TitleOf(string language, string id) => GuideLibrary.ReadTopic(language, id) is { } markdown ? TitleOf(markdown) : null;
}

/// <summary>A picture of the guide.</summary>
/// <param name="Content">Its bytes.</param>
/// <param name="MediaType">Its media type: <c>image/png</c> or <c>image/svg+xml</c>.</param>
public sealed record GuidePicture(byte[] Content, string MediaType);

/// <summary>A topic in the list.</summary>
/// <param name="Id">The id to ask for, such as <c>today</c>.</param>
/// <param name="Title">Its title in the current UI language.</param>
public sealed record GuideTopicSummary(string Id, string Title);

/// <summary>One topic of the guide, ready to show.</summary>
/// <param name="Id">The topic's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Markdown">The text, hotlines filled in.</param>
/// <param name="Hotlines">Every hotline the topic names.</param>
public sealed record GuideTopicReport(string Id, string Title, string Markdown, IReadOnlyList<HotlineFigure> Hotlines);

/// <summary>A hotline as the guide shows it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Number">The number or address.</param>
/// <param name="Name">Who runs it, in the current UI language.</param>
/// <param name="Handles">What it handles.</param>
/// <param name="Status">"verified", "secondary" or "uncertain".</param>
/// <param name="Source">Where it comes from.</param>
public sealed record HotlineFigure(string Id, string Number, string Name, string Handles, string Status, string Source)
{
    /// <summary>The figure of a hotline in the current UI language.</summary>
    internal static HotlineFigure From(Hotline hotline)
    {
        ArgumentNullException.ThrowIfNull(hotline);
        return new HotlineFigure(
            hotline.Id,
            hotline.Number,
            CheckWording.Pick(hotline.ChineseName, hotline.EnglishName),
            CheckWording.Pick(hotline.ChineseHandles, hotline.EnglishHandles),
            LegalWireIds.Of(hotline.Status),
            hotline.Source);
    }
}
