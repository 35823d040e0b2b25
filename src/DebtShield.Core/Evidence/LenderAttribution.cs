namespace DebtShield.Core.Evidence;

/// <summary>Why a piece of evidence is taken to concern a lender.</summary>
public enum AttributionBasis
{
    /// <summary>The case has one lender, so every collection contact concerns it.</summary>
    OnlyLender,

    /// <summary>The borrower said this number collects for the lender.</summary>
    MarkedNumber,

    /// <summary>The message names the lender (its name as the loan carries it, or that name without "App" or "平台").</summary>
    NamedInText,

    /// <summary>Other messages from the same number name the lender, and only that lender.</summary>
    SameNumber,
}

/// <summary>
/// Which of a case's lenders each piece of collection evidence concerns, so that a complaint about
/// one lender lists only what that lender (or its collectors) did: a regulator that reads another
/// lender's message in a complaint doubts the rest of it.
/// </summary>
/// <remarks>
/// The rules, in order: with one lender in the case, everything concerns it; a number the borrower
/// marked as collecting for a lender concerns that lender; a message that names exactly one lender
/// concerns it; a message from a number whose named messages all name the same single lender concerns
/// that lender. Anything else is not attributed: a document about one lender leaves it out and says
/// how many were left out, rather than guessing.
/// </remarks>
public sealed class LenderAttribution
{
    private static readonly string[] NameSuffixes = ["App", "APP", "app", "平台"];

    private readonly IReadOnlyList<string> _lenders;
    private readonly IReadOnlyDictionary<string, string> _marked;
    private readonly Dictionary<string, string> _numbers;

    private LenderAttribution(IReadOnlyList<string> lenders, IReadOnlyDictionary<string, string> marked, Dictionary<string, string> numbers)
    {
        _lenders = lenders;
        _marked = marked;
        _numbers = numbers;
    }

    /// <summary>
    /// The attribution for <paramref name="incidents"/> among <paramref name="lenders"/> (names as the
    /// loans carry them), with the numbers the borrower marked (normalised number to lender name).
    /// </summary>
    public static LenderAttribution Of(IEnumerable<string> lenders, IEnumerable<Incident> incidents, IReadOnlyDictionary<string, string>? marked = null)
    {
        ArgumentNullException.ThrowIfNull(lenders);
        ArgumentNullException.ThrowIfNull(incidents);
        var names = lenders.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).ToList();
        marked ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var named = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var incident in incidents)
        {
            if (incident.Counterpart is not { } number || Named(names, incident.Text) is not { Count: > 0 } mentioned)
            {
                continue;
            }

            if (!named.TryGetValue(number, out var set))
            {
                named[number] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(mentioned);
        }

        var numbers = named.Where(n => n.Value.Count == 1).ToDictionary(n => n.Key, n => n.Value.Single(), StringComparer.Ordinal);
        return new LenderAttribution(names, marked, numbers);
    }

    /// <summary>The lender <paramref name="incident"/> concerns and why; null when that cannot be told.</summary>
    public (string Lender, AttributionBasis Basis)? Attribute(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (_lenders.Count == 1)
        {
            return (_lenders[0], AttributionBasis.OnlyLender);
        }

        if (incident.Counterpart is { } number && _marked.TryGetValue(number, out var marked) && _lenders.Contains(marked, StringComparer.Ordinal))
        {
            return (marked, AttributionBasis.MarkedNumber);
        }

        if (Named(_lenders, incident.Text) is { Count: 1 } named)
        {
            return (named[0], AttributionBasis.NamedInText);
        }

        return incident.Counterpart is { } from && _numbers.TryGetValue(from, out var linked)
            ? (linked, AttributionBasis.SameNumber)
            : null;
    }

    /// <summary>
    /// The lenders <paramref name="text"/> names. A name matches as the loan carries it or without a
    /// trailing "App" or "平台", provided what is left has at least two characters; a lender whose match
    /// lies inside another named lender's longer match is not counted (极速借 inside 极速借钱包).
    /// </summary>
    public static IReadOnlyList<string> Named(IReadOnlyList<string> lenders, string? text)
    {
        ArgumentNullException.ThrowIfNull(lenders);
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new List<(string Lender, int Start, int Length)>();
        foreach (var lender in lenders)
        {
            foreach (var form in Forms(lender))
            {
                var at = text.IndexOf(form, StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    found.Add((lender, at, form.Length));
                    break;
                }
            }
        }

        return [.. found
            .Where(f => !found.Any(o => o.Lender != f.Lender && o.Length > f.Length && o.Start <= f.Start && f.Start + f.Length <= o.Start + o.Length))
            .Select(f => f.Lender)];
    }

    private static IEnumerable<string> Forms(string lender)
    {
        var name = lender.Trim();
        yield return name;
        foreach (var suffix in NameSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length - suffix.Length >= 2)
            {
                yield return name[..^suffix.Length].TrimEnd();
            }
        }
    }
}
