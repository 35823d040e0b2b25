using DebtShield.Web.Resources;

namespace DebtShield.Web.Accounts;

/// <summary>
/// The audit log's vocabulary: the ids it stores and the API returns (programs filter on them),
/// and the words the audit page shows for each, in the reader's language.
/// </summary>
public static class AuditTerms
{
    /// <summary>Action: a request that only reads.</summary>
    public const string Read = "read";

    /// <summary>Action: a request that may change something.</summary>
    public const string Change = "change";

    /// <summary>Action: a login attempt.</summary>
    public const string Login = "login";

    /// <summary>Action: a logout.</summary>
    public const string Logout = "logout";

    /// <summary>Outcome: served.</summary>
    public const string Allowed = "allowed";

    /// <summary>Outcome: answered with a refusal (a bad request, a 4xx of the handler's own).</summary>
    public const string Refused = "refused";

    /// <summary>Outcome: the case named is not one the account may see (or does not exist).</summary>
    public const string Denied = "denied";

    /// <summary>Outcome: the server failed while serving it, or a login's password was wrong.</summary>
    public const string Failed = "failed";

    /// <summary>Outcome: a route about a case was asked for without naming one.</summary>
    public const string NoCase = "no-case";

    /// <summary>Outcome: a login refused unread, after too many wrong tries from the address.</summary>
    public const string Throttled = "throttled";

    /// <summary>Outcome: a login refused because the account is locked.</summary>
    public const string LockedOut = "locked-out";

    /// <summary>The action in words; an unknown id is shown as it is.</summary>
    public static string ActionName(string action) => action switch
    {
        Read => WebText.AuditAction_Read,
        Change => WebText.AuditAction_Change,
        Login => WebText.AuditAction_Login,
        Logout => WebText.AuditAction_Logout,
        _ => action,
    };

    /// <summary>The outcome in words; an unknown id is shown as it is.</summary>
    public static string OutcomeName(string outcome) => outcome switch
    {
        Allowed => WebText.AuditOutcome_Allowed,
        Refused => WebText.AuditOutcome_Refused,
        Denied => WebText.AuditOutcome_Denied,
        Failed => WebText.AuditOutcome_Failed,
        NoCase => WebText.AuditOutcome_NoCase,
        Throttled => WebText.AuditOutcome_Throttled,
        LockedOut => WebText.AuditOutcome_LockedOut,
        _ => outcome,
    };
}
