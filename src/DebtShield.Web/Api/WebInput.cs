using System.Globalization;
using DebtShield.App;
using DebtShield.Web.Resources;

namespace DebtShield.Web.Api;

/// <summary>Checks on what a form or a request body carries, refused with the field's name.</summary>
public static class WebInput
{
    /// <summary>The trimmed value of a field that must be given.</summary>
    /// <exception cref="RequestRefusedException">It is missing or blank.</exception>
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Input_Missing, field))
            : value.Trim();

    /// <summary>
    /// Copies an upload to a private temporary file named like the original (its extension picks
    /// the reader), runs <paramref name="use"/> on it, and deletes it whatever happens.
    /// </summary>
    public static Task<T> WithUploadAsync<T>(Stream content, string fileName, Func<string, Task<T>> use, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(use);
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        return WithTemporaryFileAsync(string.IsNullOrWhiteSpace(name) || name.StartsWith('.') ? "upload" + Path.GetExtension(name) : name, async path =>
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            return await use(path).ConfigureAwait(false);
        });
    }

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
