using System.Globalization;
using DebtShield.App.Resources;

namespace DebtShield.App;

/// <summary>
/// The wording shared by the "before borrowing" use cases: texts from <c>Resources/CheckText</c>
/// by name, and the choice between a data file's Chinese and English lines for the UI language.
/// </summary>
internal static class CheckWording
{
    /// <summary>True when the UI language is English; everything else reads Chinese.</summary>
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The line in the UI language.</summary>
    public static string Pick(string chinese, string english) => English ? english : chinese;

    /// <summary>A text of <c>CheckText</c> by name; a missing name is a bug.</summary>
    public static string Text(string name) =>
        CheckText.ResourceManager.GetString(name, CultureInfo.CurrentUICulture)
        ?? throw new InvalidOperationException("Missing text resource " + name);
}
