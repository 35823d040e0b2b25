using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace DebtShield.App;

/// <summary>
/// The texts of one resource file, each looked up once per UI language and name and then kept.
/// </summary>
/// <remarks>
/// <see cref="ResourceManager.GetString(string, CultureInfo)"/> takes a lock on every call; a batch
/// that words a few dozen notes for each of a million loans on every core spent a tenth of its
/// time waiting on it (issue 27). The texts are read-only, so a concurrent cache returns the same
/// strings without the lock.
/// </remarks>
internal sealed class ResourceTexts(ResourceManager resources)
{
    private readonly ConcurrentDictionary<(CultureInfo Culture, string Name), string> _texts = new();

    /// <summary>The text <paramref name="name"/> in the current UI language; a missing name is a bug.</summary>
    public string this[string name]
    {
        get
        {
            var culture = CultureInfo.CurrentUICulture;
            return _texts.TryGetValue((culture, name), out var text)
                ? text
                : _texts.GetOrAdd((culture, name), key => resources.GetString(key.Name, key.Culture)
                    ?? throw new InvalidOperationException("Missing text resource " + key.Name));
        }
    }
}
