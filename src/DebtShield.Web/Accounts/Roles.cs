using DebtShield.Web.Resources;

namespace DebtShield.Web.Accounts;

/// <summary>
/// The roles of the multi-user app. A borrower sees their own case; a case worker the cases an
/// admin assigned them; an admin manages accounts and assignments (and sees a case only when
/// assigned to it, like anyone else).
/// </summary>
public static class Roles
{
    /// <summary>Someone who borrowed: sees their own case.</summary>
    public const string Borrower = "borrower";

    /// <summary>A legal-aid worker: sees the cases assigned to them.</summary>
    public const string CaseWorker = "case_worker";

    /// <summary>Manages accounts and assignments.</summary>
    public const string Admin = "admin";

    /// <summary>Every role, for seeding and for checking what an admin typed.</summary>
    public static IReadOnlyList<string> All { get; } = [Borrower, CaseWorker, Admin];

    /// <summary>The role in the reader's language (借款人 / Borrower…), never its id; an unknown id is shown as it is.</summary>
    public static string Name(string role) => role switch
    {
        Borrower => WebText.Role_Borrower,
        CaseWorker => WebText.Role_CaseWorker,
        Admin => WebText.Role_Admin,
        _ => role,
    };
}
