using System.Globalization;

namespace DebtShield.Cli;

/// <summary>
/// Chooses the language of everything the command prints: zh-CN unless <c>--lang en</c> or the
/// environment variable <c>DEBTSHIELD_LANG=en</c> says otherwise. The machine's own locale is
/// deliberately ignored: many Chinese users run English-locale systems.
/// </summary>
internal static class UiLanguage
{
    private const string Option = "--lang";

    /// <summary>
    /// Sets the UI culture of the calling flow (what a run and the tasks it starts see; numbers and
    /// dates are formatted invariantly) and returns the arguments without <c>--lang X</c>.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="environmentLanguage">The value of <c>DEBTSHIELD_LANG</c>, if any.</param>
    public static string[] Apply(string[] args, string? environmentLanguage)
    {
        var language = environmentLanguage;
        var rest = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == Option && i + 1 < args.Length)
            {
                language = args[++i];
            }
            else if (args[i].StartsWith(Option + "=", StringComparison.Ordinal))
            {
                language = args[i][(Option.Length + 1)..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        CultureInfo.CurrentUICulture = language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? CultureInfo.GetCultureInfo("en")
            : CultureInfo.GetCultureInfo("zh-CN");
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        return [.. rest];
    }
}
