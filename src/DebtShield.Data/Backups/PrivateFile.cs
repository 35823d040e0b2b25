namespace DebtShield.Data.Backups;

/// <summary>
/// Files that hold a borrower's data (backups, exports): created readable by their owner only on
/// Unix, whatever the umask, and written beside their target then renamed into place, so that a
/// failure never leaves half a file where the whole one was expected.
/// </summary>
public static class PrivateFile
{
    /// <summary>Writes the file through <paramref name="write"/>; on any failure nothing is left at <paramref name="path"/> or beside it.</summary>
    /// <exception cref="IOException">The file cannot be written (also <see cref="UnauthorizedAccessException"/>).</exception>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var temporary = $"{full}.{Guid.NewGuid():N}.partial";
        try
        {
            // Read and write: some writers (the OpenXML package) read back what they wrote while saving.
            await using (var file = new FileStream(temporary, Create))
            {
                await write(file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            Discard(temporary);
            throw;
        }
    }

    private static FileStreamOptions Create { get; } = CreateOptions();

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 1 << 16,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    /// <summary>Deletes a temporary file if it is there; never throws, so the original failure is what the user sees.</summary>
    private static void Discard(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the caller reports the failure that brought us here.
        }
    }
}
