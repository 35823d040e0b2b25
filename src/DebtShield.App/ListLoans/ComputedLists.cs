using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using DebtShield.App.Ledgers;
using DebtShield.Data;

namespace DebtShield.App.ListLoans;

/// <summary>
/// The last loan list computed for each case of an open ledger, in each language. Every page of
/// the web app shows the list, and computing it (a rate solved and a legal check worded for every
/// loan) costs far more than reading the case; the figures only change when the case's loans do
/// (<see cref="Data.Cases.StoredCase.LoansRevision"/>, raised by every save, from any process) or
/// when the day does, so a list is kept while both hold and computed afresh otherwise.
/// </summary>
internal static class ComputedLists
{
    private static readonly ConditionalWeakTable<Ledger, ConcurrentDictionary<(Guid Case, string Language), Computed>> Ledgers = [];

    /// <summary>The list kept for the case at <paramref name="revision"/>, titled <paramref name="title"/>, as of <paramref name="today"/>; null when there is none.</summary>
    public static CaseLoanList? Find(OpenLedger ledger, Guid caseId, int revision, string title, DateOnly today) =>
        Ledgers.TryGetValue(ledger.Ledger, out var lists)
            && lists.TryGetValue((caseId, CultureInfo.CurrentUICulture.Name), out var kept)
            && kept.Revision == revision && kept.List.AsOf == today && kept.List.Case == title
                ? kept.List
                : null;

    /// <summary>Keeps <paramref name="list"/>, computed at <paramref name="revision"/>, in place of the case's last one.</summary>
    public static CaseLoanList Keep(OpenLedger ledger, Guid caseId, int revision, CaseLoanList list)
    {
        Ledgers.GetOrCreateValue(ledger.Ledger)[(caseId, CultureInfo.CurrentUICulture.Name)] = new Computed(revision, list);
        return list;
    }

    private sealed record Computed(int Revision, CaseLoanList List);
}
