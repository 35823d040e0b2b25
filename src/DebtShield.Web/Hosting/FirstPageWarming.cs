using DebtShield.App;
using DebtShield.App.Cases;
using DebtShield.App.Ledgers;
using DebtShield.App.ListLoans;
using DebtShield.App.ReviewEvidence;
using DebtShield.Core;

namespace DebtShield.Web.Hosting;

/// <summary>
/// The first page's work done at start, on the second core, instead of in the first request: the
/// endpoint table (every page's and endpoint's descriptor, which routing builds whole before it
/// can match the first address) while the server starts and the ledger opens, then the front
/// page's reads (each query shape is translated once per process) as soon as the ledger is open.
/// </summary>
/// <remarks>
/// Nothing waits for it but the app's disposal: a request that comes first does the same work
/// itself, under the same locks and caches, so the warming only ever takes work off it. A ledger
/// with several cases or none is the page's own business (it asks which case, or offers the
/// example), so only a single case's reads are warmed. Measured in docs/benchmarks.md (issue 25).
/// </remarks>
public sealed class FirstPageWarming(EndpointDataSource endpoints, TimeProvider time) : IAsyncDisposable
{
    private Task routes = Task.CompletedTask;

    /// <summary>Whether the front page's reads of the ledger's one case have run; false when there was no single case or the ledger did not open.</summary>
    public Task<bool> Reads { get; private set; } = Task.FromResult(false);

    /// <summary>Starts the warming: the endpoint table now, the reads once <paramref name="opened"/> has the ledger (when <paramref name="reads"/>).</summary>
    public void Begin(Task<OpenLedger> opened, bool reads)
    {
        ArgumentNullException.ThrowIfNull(opened);
        routes = Task.Run(() =>
        {
            _ = endpoints.Endpoints.Count;
            StartTimeline.Mark("warmed-endpoints");
        });
        Reads = reads ? Task.Run(() => ReadFrontPageAsync(opened, time)) : Task.FromResult(false);
    }

    /// <summary>
    /// Reads what the front page of the ledger's only case reads (<see cref="Pages.IndexModel"/>);
    /// false, having read nothing of a case, when the ledger did not open or holds no single case.
    /// </summary>
    internal static async Task<bool> ReadFrontPageAsync(Task<OpenLedger> opened, TimeProvider time)
    {
        await ((Task)opened).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!opened.IsCompletedSuccessfully)
        {
            return false; // told by the start itself, or left to the unlock page
        }

        var ledger = opened.Result;
        if ((await CaseBook.ListAsync(ledger).ConfigureAwait(false)).Count != 1)
        {
            return false;
        }

        try
        {
            await ListLoans.ListAsync(ledger, CaseReference.Only, ChinaStandardTime.Today(time)).ConfigureAwait(false);
            await EvidencePages.ReadAsync(ledger, CaseReference.Only, new EvidenceFilter(), 1, 5).ConfigureAwait(false);
            StartTimeline.Mark("warmed-reads");
            return true;
        }
        catch (RequestRefusedException)
        {
            return false; // a second case was opened meanwhile: the page asks which
        }
    }

    /// <summary>Waits for the warming, so that nothing reads the ledger once it is closed; its failures are the pages' to meet and tell.</summary>
    public async ValueTask DisposeAsync()
    {
        await routes.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await ((Task)Reads).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
