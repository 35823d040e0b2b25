using System.Globalization;
using DebtShield.App.CheckLoans;
using DebtShield.App.PlanRepayment;
using DebtShield.App.ReviewEvidence;
using DebtShield.Core;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Core.Law;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;
using DebtShield.Documents.Letters;
using DebtShield.Import.Conduct;
using DebtShield.Import.Guide;
using DebtShield.Import.LegalData;

namespace DebtShield.App.MakeDocument;

/// <summary>
/// Turns a case into the facts the templates read (data/templates/README.md lists them): the
/// borrower, the lender and its channel, each loan's figures in numbers and in capitals with the
/// provisions behind them, the collection conduct, the evidence list by hash, the repayment proposal.
/// </summary>
/// <remarks>
/// The documents are always in Chinese, whatever the user's language, because they go to Chinese
/// regulators, police, courts and lenders. Facts the case does not hold (a full legal name, an
/// address, the hardship in the borrower's words) are left out here, so the template shows a blank.
/// </remarks>
public static class DocumentFacts
{
    /// <summary>How many evidence items a document lists; the rest are counted and left to the bundle.</summary>
    public const int EvidenceListLimit = 100;

    /// <summary>How many characters of a message a list quotes.</summary>
    public const int QuoteLength = 120;

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>
    /// The facts for <paramref name="loans"/> (one lender's, or all) of <paramref name="record"/>, as of
    /// <paramref name="today"/>; a document <paramref name="aboutTheLender"/> of those loans cites only
    /// the evidence that concerns that lender, others cite the whole case's.
    /// </summary>
    internal static LetterFacts Of(CaseRecord record, IReadOnlyList<Loan> loans, ComplaintRoute? route, DateOnly today, bool aboutTheLender = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(loans);
        var facts = new LetterFacts()
            .Set("today", ChineseDate.Format(today))
            .Set("as_of", ChineseDate.Format(today))
            .Set("case_title", record.Profile.Title)
            .Set("borrower.name", record.Profile.BorrowerName)
            .Set("borrower.phone", record.Profile.BorrowerPhone)
            .Set("borrower.id_number", record.Profile.BorrowerIdNumber)
            .Set("lenders", loans.Select(l => l.Lender.Name).Distinct(StringComparer.Ordinal).ToList());
        if (loans.Count > 0)
        {
            var lender = loans[0].Lender;
            facts.Set("lender.name", lender.Name)
                .Set("lender.kind", Vocabularies.LenderKinds.WireId(lender.Kind))
                .Set("lender.kind_zh", Vocabularies.LenderKinds[lender.Kind].FormalName(Chinese));
        }

        SetChannel(facts, route);
        facts.Set("law.public_security", InForceOn(today, PublicSecurityLaw));
        SetLoans(facts, loans, today);
        SetConduct(facts, EvidenceConcerning(record, aboutTheLender ? loans : record.Loans));
        var stamp = record.Evidence.LatestStamp;
        facts.Set("evidence_head", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["count"] = record.Evidence.Head.Count,
            ["hash"] = record.Evidence.Head.Hash.Hex,
            ["stamped_count"] = stamp?.Count ?? 0,
            ["stamped_at"] = stamp is null ? "" : stamp.StampedAt.ToOffset(ChinaStandardTime.Offset).ToString("yyyy年M月d日 HH:mm:ss", CultureInfo.InvariantCulture),
            ["stamped_by"] = stamp?.Authority ?? "",
        });
        SetBudgetAndProposal(facts, record, loans, today);
        return facts;
    }

    /// <summary>
    /// The public-security law's article on threatening, insulting and harassing messages, by text:
    /// old Art 42 until 2025-12-31, Art 50 of the 2025 revision from 2026-01-01.
    /// </summary>
    private static readonly string[] PublicSecurityLaw = ["psl2012-art42", "psl2025-art50"];

    /// <summary>Of <paramref name="ids"/> (one provision in successive texts), the one in force on <paramref name="day"/>.</summary>
    private static string InForceOn(DateOnly day, string[] ids)
    {
        var catalogue = LegalDataReader.Citations;
        return ids.FirstOrDefault(id => catalogue[id] is var c && (c.InForceFrom is null || c.InForceFrom <= day) && (c.InForceTo is null || day <= c.InForceTo))
            ?? throw new InvalidOperationException("No text of " + string.Join("/", ids) + " is in force on " + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Figures as documents write them: 12,300.00.</summary>
    public static string Figure(decimal yuan) => yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>Sets <c>PATH</c> and <c>PATH_capitals</c> for an amount.</summary>
    internal static LetterFacts SetAmount(this LetterFacts facts, string path, decimal yuan) =>
        facts.Set(path, Figure(yuan)).Set(path + "_capitals", ChineseCapitals.Of(new Money(yuan)));

    private static void SetChannel(LetterFacts facts, ComplaintRoute? route)
    {
        facts.Set("channel", Channel(route));
        facts.Set("credit_channel", Channel(GuideLibrary.Routes.FirstOrDefault(r => r.Document == CreditRecordRoute)));
    }

    /// <summary>The route that documents name where they ask for a credit record to be corrected (PBOC 12363).</summary>
    private const string CreditRecordRoute = "credit-record";

    /// <summary>
    /// A channel as documents name it, with a note unless both the route and the hotline are
    /// verified: "from secondary sources" or, where a fact is still unconfirmed, "待核实".
    /// </summary>
    private static Dictionary<string, object?> Channel(ComplaintRoute? route)
    {
        var (hotline, weakest) = route is null ? (null, FactStatus.Verified) : DocumentChannels.Resolve(route);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["number"] = hotline?.Number ?? "",
            ["name"] = hotline?.ChineseName ?? "",
            ["why"] = route?.ChineseWhy ?? "",
            ["web"] = hotline?.Web ?? "",
            ["note"] = hotline is null ? "" : weakest switch
            {
                FactStatus.Verified => "",
                FactStatus.Secondary => Text(nameof(Resources.DocumentText.Doc_ChannelSecondary)),
                FactStatus.Uncertain => Text(nameof(Resources.DocumentText.Doc_ChannelUnverified)),
            },
        };
    }

    private static void SetLoans(LetterFacts facts, IReadOnlyList<Loan> loans, DateOnly today)
    {
        var items = new List<object?>();
        decimal lawful = 0m, most = 0m, paid = 0m, contract = 0m, excess = 0m, overpaid = 0m;
        bool decided = false, anyVoid = false;
        foreach (var (loan, n) in loans.Select((l, i) => (l, i + 1)))
        {
            var asOf = today < loan.ContractDate ? loan.ContractDate : today;
            var assessment = LegalCheck.Of(loan, LegalDataReader.Rules, new CheckOptions(asOf));
            var check = CheckLoanReport.From(assessment, LegalDataReader.Citations);
            // What the contract asks: its schedule's total, less what was paid. (The engine's "at the
            // contract rate" figure is a payoff computed at the contract's rate, a number the contract
            // itself never states, so a document does not call it the contract's.) Overdue with the
            // agreed overdue terms unknown, the lawful figure is a range; only what the contract asks
            // above its top is beyond what the lender could lawfully charge.
            var contractDue = Math.Max(0m, loan.ScheduledTotal.Yuan - check.Lawful.Paid);
            var loanMost = Math.Max(check.LawfulMostTotalDue ?? check.Lawful.TotalDue, check.Lawful.TotalDue);
            var loanExcess = Math.Max(0m, contractDue - loanMost);
            // The provisions behind the figures: the leading view's cap and, with an upfront deduction, the principal basis.
            var basis = Basis(check, LegalWireIds.Of(assessment.Primary.View), loan.UpfrontDeduction.IsPositive);
            var several = assessment.Views.Count > 1;
            var voidView = assessment.Views.Any(v => v.View == LegalView.VoidUnlicensedLending);

            var item = new LetterFacts()
                .Set("n", n)
                .Set("id", loan.Id)
                .Set("contract_date", ChineseDate.Format(loan.ContractDate))
                .SetAmount("principal", loan.Principal.Yuan)
                .SetAmount("received", loan.Received.Yuan)
                .SetAmount("upfront", loan.UpfrontDeduction.Yuan)
                .Set("has_upfront", loan.UpfrontDeduction.IsPositive)
                .SetAmount("paid", check.Lawful.Paid)
                .SetAmount("lawful_due", check.Lawful.TotalDue)
                .SetAmount("lawful_most", loanMost)
                .Set("has_range", loanMost > check.Lawful.TotalDue)
                .SetAmount("contract_total", loan.ScheduledTotal.Yuan)
                .SetAmount("contract_due", contractDue)
                .SetAmount("excess", loanExcess)
                .Set("has_excess", loanExcess > 0m)
                .SetAmount("overpaid", check.Lawful.Overpaid)
                .Set("has_overpaid", check.Lawful.Overpaid > 0m)
                .Set("rate_known", check.Figures.IrrAnnualNominal is not null)
                .Set("rate", check.Figures.IrrAnnualNominal is { } rate ? rate.ToString("0.00%", CultureInfo.InvariantCulture) : "")
                .Set("exceeds_cap", check.ExceedsCap == true)
                .Set("cap", check.CapAnnual.ToString("0.##%", CultureInfo.InvariantCulture))
                .Set("cap_text", check.CapBasisText)
                .Set("basis", basis)
                .Set("guideline", check.Steps.FirstOrDefault(s => s.Step.StartsWith("microloan_guideline", StringComparison.Ordinal))?.Text ?? "")
                .Set("range_reason", Text(check.LenderOfRecordDecides ? "Doc_RangeLenderOfRecord" : voidView ? "Doc_RangeUseOfMoneyFee" : "Doc_RangeOverdueTerms"))
                .Set("several_views", several)
                .Set("views_intro", several ? Text(voidView ? "Doc_ViewsIntroVoid" : "Doc_ViewsIntroLenderOfRecord") : "")
                .Set("views_outro", check.LenderOfRecordDecides ? Text("Doc_ViewsOutroLenderOfRecord") : "")
                .Set("views", assessment.Views.Select(v => (object?)ViewFact(v, check, voidView, loan.UpfrontDeduction.IsPositive)).ToList());
            items.Add(item.Root);
            decided |= check.LenderOfRecordDecides;
            anyVoid |= voidView;
            lawful += check.Lawful.TotalDue;
            most += loanMost;
            paid += check.Lawful.Paid;
            contract += contractDue;
            excess += loanExcess;
            overpaid += check.Lawful.Overpaid;
        }

        facts.Set("loans", items)
            .Set("totals.range_reason", Text(decided ? "Doc_RangeLenderOfRecord" : anyVoid ? "Doc_RangeUseOfMoneyFee" : "Doc_RangeOverdueTerms"))
            .SetAmount("totals.lawful_due", lawful)
            .SetAmount("totals.lawful_most", most)
            .Set("totals.has_range", most > lawful)
            .SetAmount("totals.paid", paid)
            .SetAmount("totals.contract_due", contract)
            .SetAmount("totals.excess", excess)
            .Set("totals.has_excess", excess > 0m)
            .SetAmount("totals.overpaid", overpaid)
            .Set("totals.has_overpaid", overpaid > 0m);
    }

    /// <summary>
    /// The provisions behind one view's figures: its cap's first two citations and, with an upfront
    /// deduction, the principal basis. Art 27 (interest rolled into principal) is left out: a loan
    /// file records no rollover, and a document cites it only where the facts show one.
    /// </summary>
    private static List<string> Basis(CheckLoanReport check, string view, bool upfront) => check.Steps
        .Where(s => ((s.Step.StartsWith("cap_", StringComparison.Ordinal) || s.Step == "void_contract") && s.View == view) || (s.Step == "principal_basis" && upfront))
        .GroupBy(s => s.Step, StringComparer.Ordinal)
        .SelectMany(g => g.First().Citations.Where(c => c != RolloverCitation).Take(2))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>2020 rules Art 27: interest rolled into principal; cited only when the facts show a rollover.</summary>
    private const string RolloverCitation = "spl-art27";

    /// <summary>One view of a loan as a document states it: a condition, never a fact, with its own cap, figure and provisions.</summary>
    private static Dictionary<string, object?> ViewFact(ViewAssessment view, CheckLoanReport check, bool voidView, bool upfront)
    {
        var name = "Doc_View_" + view.View + (voidView && view.View == LegalView.PrivateLending ? "_IfNotVoid" : "");
        var facts = new LetterFacts()
            .Set("name", Text(name))
            .Set("rate_compared", view.ExceedsCap is not null)
            .Set("exceeds", view.ExceedsCap == true)
            .Set("cap", view.Cap.Annual.ToString("0.##%", CultureInfo.InvariantCulture))
            .Set("cap_text", CheckLoanReport.WordCap(view.Cap))
            .SetAmount("lawful_due", view.Lawful.TotalDue.Yuan)
            .SetAmount("lawful_most", view.Most.TotalDue.Yuan)
            .Set("has_range", view.Most.TotalDue > view.Lawful.TotalDue)
            .Set("range_reason", Text(view.UseOfMoneyFee is not null ? "Doc_RangeUseOfMoneyFee" : "Doc_RangeOverdueTerms"))
            .Set("overpaid", view.Lawful.Overpaid.IsPositive)
            .SetAmount("overpaid_amount", view.Lawful.Overpaid.Yuan)
            .Set("basis", Basis(check, LegalWireIds.Of(view.View), upfront));
        return new Dictionary<string, object?>(facts.Root, StringComparer.Ordinal);
    }

    /// <summary>
    /// The standing collection contacts a document about <paramref name="loans"/> may cite, each with
    /// the note it needs: all of them when the loans are of several lenders (or the case has one),
    /// otherwise only those <see cref="LenderAttribution"/> gives to the document's lender,
    /// and those dated before that lender's first contract are pointed out. Also how many were left
    /// out because nothing tells which lender they concern.
    /// </summary>
    private static (List<(EvidenceItem Item, string? Note)> Items, int Unattributed) EvidenceConcerning(CaseRecord record, IReadOnlyList<Loan> loans)
    {
        var contacts = record.CollectionContacts;
        var lenders = loans.Select(l => l.Lender.Name).Distinct(StringComparer.Ordinal).ToList();
        if (lenders.Count != 1 || record.Loans.Select(l => l.Lender.Name).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return ([.. contacts.Select(i => (i, (string?)null))], 0);
        }

        var lender = lenders[0];
        var attribution = record.Attribution();
        var firstContract = loans.Min(l => l.ContractDate);
        var policy = ConductDataReader.LoadEmbedded().Policy;
        var concerning = new List<(EvidenceItem, string?)>();
        var unattributed = 0;
        foreach (var item in contacts)
        {
            switch (attribution.Attribute(item.Entry.Incident))
            {
                case null:
                    unattributed++;
                    break;
                case { Lender: var to } when to == lender:
                    var early = policy.LocalDay(item.Entry.Incident.Time) < firstContract;
                    concerning.Add((item, early ? string.Format(Chinese, Text(nameof(Resources.DocumentText.Doc_EvidenceBeforeLoan)), ChineseDate.Format(firstContract)) : null));
                    break;
            }
        }

        return (concerning, unattributed);
    }

    private static void SetConduct(LetterFacts facts, (List<(EvidenceItem Item, string? Note)> Items, int Unattributed) evidence)
    {
        var policy = ConductDataReader.LoadEmbedded().Policy;
        var current = evidence.Items.Select(i => i.Item).ToList();
        var notes = evidence.Items.Where(i => i.Note is not null).ToDictionary(i => i.Item.Entry.Sequence, i => i.Note!);
        var statistics = EvidenceStatistics.Of([.. current.Select(i => new LabelledEntry(i.Entry, i.Labels))], policy);
        var listed = current.Where(i => i.Labels.Any(l => l != ConductLabel.LawfulReminder) || i.Entry.Incident.Recipient == Recipient.ThirdParty).ToList();
        var thirdParty = current.Where(i => i.Entry.Incident.Recipient == Recipient.ThirdParty).ToList();
        bool Has(params ConductLabel[] labels) => current.Any(i => i.Labels.Any(labels.Contains));
        facts.Set("conduct", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["total"] = current.Count,
            ["first_date"] = current.Count == 0 ? "" : ChineseDate.Format(policy.LocalDay(current.Min(i => i.Entry.Incident.Time))),
            ["last_date"] = current.Count == 0 ? "" : ChineseDate.Format(policy.LocalDay(current.Max(i => i.Entry.Incident.Time))),
            ["third_party"] = thirdParty.Count,
            ["contacts_reached"] = statistics.ContactsReached.Count,
            ["off_hours"] = statistics.OffHours,
            ["threats"] = Has(ConductLabel.ThreatViolence, ConductLabel.ThreatExposure),
            ["insult"] = Has(ConductLabel.Insult),
            ["disclosure"] = Has(ConductLabel.ThirdPartyDisclosure, ConductLabel.PiiExposure) || thirdParty.Count > 0,
            ["labels"] = statistics.PerLabel.Where(l => l.Label != ConductLabel.LawfulReminder)
                .Select(l => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = EvidenceNames.Label(l.Label, Chinese), ["count"] = l.Count }).ToList(),
            ["numbers"] = statistics.PerCounterpart
                .Select(c => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["number"] = c.Counterpart ?? Text(nameof(Resources.DocumentText.Doc_Unnumbered)),
                    ["count"] = c.Incidents,
                    ["first"] = ChineseDate.Format(c.First),
                    ["last"] = ChineseDate.Format(c.Last),
                }).ToList(),
        });
        var shown = listed.Take(EvidenceListLimit).ToList();
        facts.Set("evidence", shown.Select((item, i) => (object?)EvidenceFact(item, i + 1, policy, notes)).ToList())
            .Set("evidence_more", listed.Count - shown.Count)
            .Set("evidence_unattributed", evidence.Unattributed)
            .Set("evidence_early", shown.Count(i => notes.ContainsKey(i.Entry.Sequence)))
            .Set("timeline", shown.OrderBy(i => i.Entry.Incident.Time).Select((item, i) => (object?)EvidenceFact(item, i + 1, policy, notes)).ToList());
    }

    /// <summary>One evidence item as documents list it: date, kind, the first 12 hex digits of its hash and its file in the bundle.</summary>
    private static Dictionary<string, object?> EvidenceFact(EvidenceItem item, int n, ContactPolicy policy, Dictionary<int, string> notes)
    {
        var incident = item.Entry.Incident;
        var local = incident.Time.ToOffset(policy.Offset);
        var text = (incident.Text ?? "").ReplaceLineEndings(" ").Trim();
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["n"] = n,
            ["date"] = ChineseDate.Format(DateOnly.FromDateTime(local.DateTime)),
            ["time"] = local.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["kind"] = EvidenceNames.Channel(incident, Chinese),
            ["number"] = incident.Counterpart ?? Text(nameof(Resources.DocumentText.Doc_Unnumbered)),
            ["recipient"] = EvidenceNames.Recipient(incident, Chinese),
            ["text"] = text.Length > QuoteLength ? text[..QuoteLength] + "…" : text,
            ["labels"] = string.Join("、", item.Labels.Where(l => l != ConductLabel.LawfulReminder).Select(l => EvidenceNames.Label(l, Chinese))),
            ["hash"] = item.Entry.Hash.Hex[..12],
            ["record"] = ExportEvidence.ExportEvidenceBundle.RecordName(item.Entry.Sequence),
            ["note"] = notes.GetValueOrDefault(item.Entry.Sequence, ""),
        };
    }

    private static void SetBudgetAndProposal(LetterFacts facts, CaseRecord record, IReadOnlyList<Loan> loans, DateOnly today)
    {
        var budget = record.Budget;
        facts.Set("budget.known", budget.Lines.Count > 0)
            .Set("budget.income", Figure(budget.Income.Yuan))
            .Set("budget.essentials", Figure(budget.EssentialExpenses.Yuan))
            .Set("budget.left", Figure(Math.Max(0m, budget.LeftForDebts.Yuan)))
            .Set("proposal.monthly_capitals", "")
            .Set("proposal.source", "")
            .Set("claim.damages_capitals", "");
        if (loans.Count == 0)
        {
            return;
        }

        // The plan's negotiation proposal for this lender's loans: the lawful-first plan, without the optimiser.
        var plan = PlanRepayment.PlanRepayment.Of(new CaseFacts(record.Profile.Title, record.Loans, budget), today, new PlanOptions(Optimize: false));
        var ids = loans.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var proposals = plan.Negotiation.Where(p => ids.Contains(p.LoanId)).ToList();
        if (proposals.Count > 0 && proposals.Sum(p => p.MonthlyAmount) > 0m)
        {
            facts.Set("proposal.monthly", Figure(proposals.Sum(p => p.MonthlyAmount)))
                .Set("proposal.monthly_capitals", ChineseCapitals.Of(new Money(proposals.Sum(p => p.MonthlyAmount))))
                .Set("proposal.source", Text(nameof(Resources.DocumentText.Doc_ProposalFromPlan)));
            if (proposals.All(p => p.Months is not null))
            {
                facts.Set("proposal.months", proposals.Max(p => p.Months!.Value));
            }
        }
        else if (proposals.Count == 0 && budget.Lines.Count > 0)
        {
            // The budget keeps this lender's loans on their lawful schedule: propose what the plan pays
            // them, at its largest month, for as many months as it pays them anything.
            var paid = plan.ByMonth.Select(m => m.Payments.Where(p => ids.Contains(p.LoanId)).Sum(p => p.Amount)).ToList();
            var months = paid.FindLastIndex(a => a > 0m) + 1;
            if (months > 0)
            {
                var monthly = paid.Max();
                facts.Set("proposal.monthly", Figure(monthly))
                    .Set("proposal.monthly_capitals", ChineseCapitals.Of(new Money(monthly)))
                    .Set("proposal.months", months)
                    .Set("proposal.source", Text(nameof(Resources.DocumentText.Doc_ProposalOnSchedule)));
            }
        }
    }

    private static string Text(string name) =>
        Resources.DocumentText.ResourceManager.GetString(name, Chinese) ?? throw new InvalidOperationException("Missing text " + name);
}
