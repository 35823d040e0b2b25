using System.Globalization;
using DebtShield.App.Resources;
using DebtShield.App.ReviewEvidence;
using DebtShield.Core.Vocabulary;

namespace DebtShield.App.StampEvidence;

/// <summary>
/// A time-stamping authority's answer, as RFC 3161 §2.4.2 numbers it in a reply's PKIStatus: the two
/// that carry a token, and the four that refuse one.
/// </summary>
/// <remarks>Each member's value is the number the standard gives it, so a reply's integer is the member.</remarks>
internal enum TimeStampStatus
{
    /// <summary>granted (0): the token is there.</summary>
    Granted = 0,

    /// <summary>grantedWithMods (1): the token is there, made with changes to the request.</summary>
    GrantedWithModifications = 1,

    /// <summary>rejection (2).</summary>
    Rejection = 2,

    /// <summary>waiting (3): the request is not answered yet.</summary>
    Waiting = 3,

    /// <summary>revocationWarning (4): the authority's certificate is about to be revoked.</summary>
    RevocationWarning = 4,

    /// <summary>revocationNotification (5): the authority's certificate has been revoked.</summary>
    RevocationNotification = 5,
}

/// <summary>
/// A reason an authority gives for a refusal, as RFC 3161 §2.4.2 numbers the bits of PKIFailureInfo;
/// the bits the standard leaves unnamed have no member.
/// </summary>
/// <remarks>Each member's value is its bit's number (bit 0 the first of the BIT STRING).</remarks>
internal enum TimeStampFailure
{
    /// <summary>badAlg (0): the hash algorithm is not supported.</summary>
    BadAlgorithm = 0,

    /// <summary>badRequest (2): the transaction is not permitted or not supported.</summary>
    BadRequest = 2,

    /// <summary>badDataFormat (5): the data was submitted in the wrong format.</summary>
    BadDataFormat = 5,

    /// <summary>timeNotAvailable (14): the authority's time source is not available.</summary>
    TimeNotAvailable = 14,

    /// <summary>unacceptedPolicy (15): the requested policy is not supported.</summary>
    UnacceptedPolicy = 15,

    /// <summary>unacceptedExtension (16): the requested extension is not supported.</summary>
    UnacceptedExtension = 16,

    /// <summary>addInfoNotAvailable (17): the additional information requested is not available.</summary>
    AdditionalInformationNotAvailable = 17,

    /// <summary>systemFailure (25): the authority's system failed.</summary>
    SystemFailure = 25,
}

/// <summary>
/// The words for a refusing authority's status and failure bits, each value of the standard found
/// through a table of its members (walked by <c>MemberTextsWalkTests</c>), and a value the standard
/// does not name (a newer revision's, or a hostile reply's) worded by its number.
/// </summary>
internal static class TimeStampCodes
{
    /// <summary>A refusal's status in words: 拒绝（2）; a value RFC 3161 does not name, 未知状态（9）.</summary>
    public static string Status(int status, CultureInfo? culture = null) =>
        status is >= 0 and <= (int)TimeStampStatus.RevocationNotification && Statuses.Has((TimeStampStatus)status)
            ? Statuses.Text((TimeStampStatus)status, culture)
            : string.Format(culture ?? CultureInfo.CurrentCulture, EvidenceNames.Text(nameof(EvidenceText.StampStatus_Other), culture), status);

    /// <summary>A failure bit in words; a bit RFC 3161 does not name, 未知原因（第 3 位）.</summary>
    public static string Failure(int bit, CultureInfo? culture = null) =>
        bit is >= 0 and <= (int)TimeStampFailure.SystemFailure && Enum.IsDefined((TimeStampFailure)bit)
            ? Failures.Text((TimeStampFailure)bit, culture)
            : string.Format(culture ?? CultureInfo.CurrentCulture, EvidenceNames.Text(nameof(EvidenceText.StampFailure_Other), culture), bit);

    /// <summary>What each refusing status means; the two that grant a token are never worded (nothing was refused).</summary>
    internal static MemberTexts<TimeStampStatus> Statuses { get; } = new(
        EvidenceText.ResourceManager,
        (TimeStampStatus.Granted, null),
        (TimeStampStatus.GrantedWithModifications, null),
        (TimeStampStatus.Rejection, "StampStatus_rejection"),
        (TimeStampStatus.Waiting, "StampStatus_waiting"),
        (TimeStampStatus.RevocationWarning, "StampStatus_revocationWarning"),
        (TimeStampStatus.RevocationNotification, "StampStatus_revocationNotification"));

    /// <summary>What each named failure bit means, under the standard's name for it.</summary>
    internal static MemberTexts<TimeStampFailure> Failures { get; } = new(
        EvidenceText.ResourceManager,
        (TimeStampFailure.BadAlgorithm, "StampFailure_badAlg"),
        (TimeStampFailure.BadRequest, "StampFailure_badRequest"),
        (TimeStampFailure.BadDataFormat, "StampFailure_badDataFormat"),
        (TimeStampFailure.TimeNotAvailable, "StampFailure_timeNotAvailable"),
        (TimeStampFailure.UnacceptedPolicy, "StampFailure_unacceptedPolicy"),
        (TimeStampFailure.UnacceptedExtension, "StampFailure_unacceptedExtension"),
        (TimeStampFailure.AdditionalInformationNotAvailable, "StampFailure_addInfoNotAvailable"),
        (TimeStampFailure.SystemFailure, "StampFailure_systemFailure"));
}
