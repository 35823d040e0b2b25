using System.Globalization;
using DebtShield.App;
using DebtShield.Web.Resources;

namespace DebtShield.Web.Forms;

/// <summary>Checks on what a form or a request body carries, refused with the field's name.</summary>
public static class WebInput
{
    /// <summary>The trimmed value of a field that must be given.</summary>
    /// <exception cref="RequestRefusedException">It is missing or blank.</exception>
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Input_Missing, field))
            : value.Trim();

    /// <summary>Runs <paramref name="use"/> with a path named <paramref name="name"/> in a private temporary folder, removed afterwards.</summary>
    public static async Task<T> WithTemporaryFileAsync<T>(string name, Func<string, Task<T>> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        var folder = Directory.CreateTempSubdirectory("debtshield-");
        try
        {
            return await use(Path.Combine(folder.FullName, name)).ConfigureAwait(false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
