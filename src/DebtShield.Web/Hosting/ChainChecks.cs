using System.Collections.Concurrent;
using DebtShield.Web.Forms;

namespace DebtShield.Web.Hosting;

/// <summary>The last check of a case's chain and when it ran.</summary>
/// <param name="Chain">The outcome.</param>
/// <param name="CheckedAt">When.</param>
public sealed record ChainCheck(ChainFigure Chain, DateTimeOffset CheckedAt);

/// <summary>
/// The last chain check of each case, so the evidence page can show the chain's status on every
/// visit without rereading tens of thousands of entries each time; the borrower re-checks on
/// demand, and every import checks again.
/// </summary>
public sealed class ChainChecks
{
    private readonly ConcurrentDictionary<Guid, ChainCheck> last = new();

    /// <summary>The last check of the case, if any ran since the app started.</summary>
    public ChainCheck? Of(Guid caseId) => last.TryGetValue(caseId, out var check) ? check : null;

    /// <summary>Remembers a check of the case <paramref name="caseId"/> (by key: on a server two accounts' cases may share a title).</summary>
    public void Remember(Guid caseId, ChainFigure chain, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(chain);
        last[caseId] = new ChainCheck(chain, at);
    }
}
