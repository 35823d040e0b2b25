namespace DebtShield.Data.Backups;

/// <summary>
/// Files that hold a borrower's data (backups, exports) are created readable by their owner only
/// on Unix, whatever the umask, and a half-written one is removed quietly.
/// </summary>
public static class PrivateFile
{
    /// <summary>Options that create or truncate a file for writing, mode 0600 on Unix.</summary>
    public static FileStreamOptions Create { get; } = CreateOptions();

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
    public static void Discard(string path)
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
