namespace DebtShield.App.Input;

/// <summary>
/// The name a person's program sent with an upload, used only as a label (in entries and messages)
/// and for its extension (which picks the reader): never as a path, so <c>../../x.xml</c> is <c>x.xml</c>.
/// </summary>
public static class UploadName
{
    /// <summary>The last segment of <paramref name="fileName"/> (either slash); <c>upload</c> plus its extension when it has no name of its own.</summary>
    public static string Label(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        return name.Length == 0 || name.StartsWith('.') ? "upload" + Path.GetExtension(name) : name;
    }
}
