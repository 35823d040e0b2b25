using System.Data.Common;

namespace DebtShield.App.Cases;

/// <summary>
/// Who a new case belongs to besides the ledger: on a multi-user server, the account that opens
/// it. The owner's records live in the ledger's database and are read and written inside the
/// ledger's own transaction, so a case is never opened without its owner (an orphan no one can
/// see) and a title is checked against the owner's cases only: two accounts may each have a case
/// "张三", and neither learns that the other has one.
/// </summary>
public interface ICaseOwner
{
    /// <summary>The cases the owner already has, read in <paramref name="transaction"/>.</summary>
    Task<IReadOnlyCollection<Guid>> CasesAsync(DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Records, in <paramref name="transaction"/>, that the owner has the new case <paramref name="caseId"/>.</summary>
    Task TakeAsync(DbTransaction transaction, Guid caseId, CancellationToken cancellationToken);
}
