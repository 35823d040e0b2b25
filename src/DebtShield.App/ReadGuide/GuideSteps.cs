using DebtShield.App.Resources;
using DebtShield.Import.Guide;

namespace DebtShield.App.ReadGuide;

/// <summary>Where the guide is read: the terminal names commands, the web app links to its pages.</summary>
public enum GuideReader
{
    /// <summary>Printed by the CLI: a step is the command that does it.</summary>
    Terminal,

    /// <summary>Shown by the web app: a step is a link to the page that does it.</summary>
    Web,
}

/// <summary>
/// The steps the guide sends a reader to, each with its command and its web page, so a topic's
/// Markdown says <c>{{do:check}}</c> once and reads right in both hosts.
/// </summary>
public static class GuideSteps
{
    private static readonly Dictionary<string, (string Command, string Page, string Text)> Steps = new(StringComparer.Ordinal)
    {
        ["classify"] = ("debtshield classify", "/evidence", nameof(CheckText.GuideStep_Evidence)),
        ["check"] = ("debtshield check", "/loans", nameof(CheckText.GuideStep_Loans)),
        ["budget"] = ("debtshield budget set", "/plan#budget", nameof(CheckText.GuideStep_Budget)),
        ["lender"] = ("debtshield lender", "/borrow", nameof(CheckText.GuideStep_Borrow)),
        ["scam-check"] = ("debtshield scam-check", "/borrow", nameof(CheckText.GuideStep_Borrow)),
    };

    /// <summary>Every step id <c>{{do:ID}}</c> may name.</summary>
    public static IReadOnlyCollection<string> Ids => Steps.Keys;

    /// <summary>The step written for <paramref name="reader"/>.</summary>
    /// <exception cref="InvalidOperationException">The guide names a step or topic that does not exist (a bug in the guide, caught by its tests).</exception>
    public static string Write(string kind, string id, GuideReader reader)
    {
        if (kind == "guide")
        {
            var markdown = GuideLibrary.ReadTopic(ReadGuide.Language, id) ?? throw new InvalidOperationException("The guide links to a topic that does not exist: " + id);
            var title = markdown.ReplaceLineEndings("\n").Split('\n').First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Trim();
            return reader == GuideReader.Web ? $"[{Localized.Format(CheckText.GuideStep_Topic, title)}](/guide/{id})" : $"`debtshield guide {id}`";
        }

        var (command, page, text) = Steps.TryGetValue(id, out var step) ? step : throw new InvalidOperationException("The guide names a step that does not exist: " + id);
        return reader == GuideReader.Web ? $"[{CheckWording.Text(text)}]({page})" : $"`{command}`";
    }
}
