using DebtShield.Core.Budget;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Core.Loans;

namespace DebtShield.Core.Vocabulary;

/// <summary>The domain's closed sets of words, one home each.</summary>
public static class Vocabularies
{
    /// <summary>Who lent the money: a bank, a consumer finance company, a microloan company, a platform, a person…</summary>
    public static Vocabulary<LenderKind> LenderKinds { get; } = new(
    [
        Term(LenderKind.OnlinePlatform, "online_platform"),
        Term(LenderKind.Microloan, "microloan"),
        Term(LenderKind.ConsumerFinance, "consumer_finance"),
        Term(LenderKind.Bank, "bank"),
        Term(LenderKind.PrivateIndividual, "private_individual"),
        Term(LenderKind.UnlicensedLender, "unlicensed_lender", "无放贷资质的放贷人"),
        Term(LenderKind.Unknown, "unknown", "未知"),
    ],
    [
        (LenderKind.OnlinePlatform, "OnlinePlatform"),
        (LenderKind.Microloan, "Microloan"),
        (LenderKind.ConsumerFinance, "ConsumerFinance"),
        (LenderKind.Bank, "Bank"),
        (LenderKind.PrivateIndividual, "PrivateIndividual"),
        (LenderKind.UnlicensedLender, "UnlicensedLender"),
        (LenderKind.Unknown, "Unknown"),
    ]);

    /// <summary>The time unit a rate is quoted per: 日利率, 月利率, 年利率.</summary>
    public static Vocabulary<RatePer> RateUnits { get; } = new(
    [
        Term(RatePer.Day, "day", "日利率", "日息", "天"),
        Term(RatePer.Month, "month", "月利率", "月息"),
        Term(RatePer.Year, "year", "年利率", "年息", "年化"),
    ],
    [
        (RatePer.Day, "Day"),
        (RatePer.Month, "Month"),
        (RatePer.Year, "Year"),
    ]);

    /// <summary>How the lender says an advertised rate was computed: a nominal rate, an IRR, an APR, a fee rate.</summary>
    public static Vocabulary<AdvertisedMethod> RateMethods { get; } = new(
    [
        Term(AdvertisedMethod.Nominal, "nominal"),
        Term(AdvertisedMethod.Irr, "irr"),
        Term(AdvertisedMethod.Apr, "apr"),
        Term(AdvertisedMethod.FeeRate, "fee_rate", "费率"),
        Term(AdvertisedMethod.Unknown, "unknown"),
    ],
    [
        (AdvertisedMethod.Nominal, "Nominal"),
        (AdvertisedMethod.Irr, "Irr"),
        (AdvertisedMethod.Apr, "Apr"),
        (AdvertisedMethod.FeeRate, "FeeRate"),
        (AdvertisedMethod.Unknown, "Unknown"),
    ]);

    /// <summary>
    /// Who received a message: the borrower, someone else, or not known. A contact and an employer
    /// are someone else: the conduct corpus and its readers name them so (issue 21's recipients), and
    /// a message line written that way is read, not refused.
    /// </summary>
    public static Vocabulary<Recipient> Recipients { get; } = new(
    [
        Term(Recipient.Borrower, "borrower", "本人", "借款人"),
        Term(Recipient.ThirdParty, "third_party", "他人", "contact", "employer", "联系人", "单位"),
        Term(Recipient.Unknown, "unknown"),
    ],
    [
        (Recipient.Borrower, "Borrower"),
        (Recipient.ThirdParty, "ThirdParty"),
        (Recipient.Unknown, "Unknown"),
    ]);

    /// <summary>How a collection contact reached its recipient: a text, a call, a chat, a visit…</summary>
    public static Vocabulary<IncidentChannel> Channels { get; } = new(
    [
        Term(IncidentChannel.Sms, "sms"),
        Term(IncidentChannel.Mms, "mms"),
        Term(IncidentChannel.Call, "call", "通话"),
        Term(IncidentChannel.Chat, "chat", "聊天", "微信", "qq"),
        Term(IncidentChannel.Visit, "visit"),
        Term(IncidentChannel.Post, "post"),
        Term(IncidentChannel.Other, "other"),
    ],
    [
        (IncidentChannel.Sms, "Sms"),
        (IncidentChannel.Mms, "Mms"),
        (IncidentChannel.Call, "Call"),
        (IncidentChannel.Chat, "Chat"),
        (IncidentChannel.Visit, "Visit"),
        (IncidentChannel.Post, "Post"),
        (IncidentChannel.Other, "Other"),
    ]);

    /// <summary>What happened to a call: answered, missed, rejected, blocked, a voicemail.</summary>
    public static Vocabulary<CallOutcome> CallOutcomes { get; } = new(
    [
        Term(CallOutcome.Answered, "answered", "已接", "接通"),
        Term(CallOutcome.Missed, "missed"),
        Term(CallOutcome.Rejected, "rejected"),
        Term(CallOutcome.Blocked, "blocked", "拦截"),
        Term(CallOutcome.Voicemail, "voicemail", "语音信箱"),
    ],
    [
        (CallOutcome.Answered, "Answered"),
        (CallOutcome.Missed, "Missed"),
        (CallOutcome.Rejected, "Rejected"),
        (CallOutcome.Blocked, "Blocked"),
        (CallOutcome.Voicemail, "Voicemail"),
    ]);

    /// <summary>Which way a message or call went, seen from the borrower's phone: received or sent.</summary>
    public static Vocabulary<IncidentDirection> Directions { get; } = new(
    [
        Term(IncidentDirection.Received, "received", "in", "收", "接收", "来电"),
        Term(IncidentDirection.Sent, "sent", "out", "发", "发送", "去电"),
    ],
    [
        (IncidentDirection.Received, "Received"),
        (IncidentDirection.Sent, "Sent"),
    ]);

    /// <summary>
    /// Which side of the monthly budget a line is on: an income or an essential expense. A case file,
    /// the budget's JSON and a backup write the wire ids (<c>essential_expense</c>), the ledger its
    /// stored ids, the case export the names.
    /// </summary>
    public static Vocabulary<BudgetLineKind> BudgetLineKinds { get; } = new(
    [
        Term(BudgetLineKind.Income, "income"),
        Term(BudgetLineKind.EssentialExpense, "essential_expense"),
    ],
    [
        (BudgetLineKind.Income, "Income"),
        (BudgetLineKind.EssentialExpense, "EssentialExpense"),
    ]);

    /// <summary>
    /// What a collection message, or the way it was sent, does: the labels the analyser gives, that
    /// the evidence pages and the CLI's tables show by name and the CLI's <c>--label</c> and the
    /// page's filter read. The data files and the stored labels write the wire ids only, read back
    /// exactly through <see cref="Vocabulary{T}.Ids"/> (<see cref="Conduct.ConductLabels"/>).
    /// </summary>
    public static Vocabulary<ConductLabel> ConductLabels { get; } = new(
    [
        Term(ConductLabel.ThreatViolence, "threat_violence"),
        Term(ConductLabel.ThreatExposure, "threat_exposure"),
        Term(ConductLabel.Insult, "insult"),
        Term(ConductLabel.ThirdPartyDisclosure, "third_party_disclosure"),
        Term(ConductLabel.ImpersonationAuthority, "impersonation_authority"),
        Term(ConductLabel.FakeLegalProcess, "fake_legal_process"),
        Term(ConductLabel.PiiExposure, "pii_exposure"),
        Term(ConductLabel.FalseConsequences, "false_consequences"),
        Term(ConductLabel.LawfulReminder, "lawful_reminder"),
        Term(ConductLabel.OffHours, "off_hours"),
        Term(ConductLabel.ExcessiveFrequency, "excessive_frequency"),
        Term(ConductLabel.ThirdPartyContact, "third_party_contact"),
    ]);

    /// <summary>The vocabulary of the enum <paramref name="members"/>, for a message that offers its choices.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No vocabulary names that enum.</exception>
    public static IVocabulary Of(Type members)
    {
        ArgumentNullException.ThrowIfNull(members);
        return All.FirstOrDefault(v => v.Members == members)
            ?? throw new ArgumentOutOfRangeException(nameof(members), members, "No vocabulary names this type.");
    }

    /// <summary>Every vocabulary.</summary>
    public static IReadOnlyList<IVocabulary> All => [LenderKinds, RateUnits, RateMethods, Recipients, Channels, CallOutcomes, Directions, ConductLabels, BudgetLineKinds];

    private static Term<T> Term<T>(T member, string wireId, params string[] synonyms)
        where T : struct, Enum =>
        new(member, wireId, typeof(T).Name + "_" + wireId, synonyms);
}
