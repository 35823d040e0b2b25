using DebtShield.Core.Budget;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Core.Loans;
using DebtShield.Core.Offers;
using DebtShield.Core.Vocabulary;

namespace DebtShield.Core.Tests;

/// <summary>
/// The ids of the closed sets people never type: what <c>verify --json</c>, a case file, a loan file
/// and a backup write. They are pinned member by member, so renaming a member (or editing an id)
/// fails here before it changes a file someone keeps.
/// </summary>
public sealed class WireIdsTests
{
    [Fact]
    public void KindIds_OfAChainBreak_AreTheOnesVerifyJsonHasAlwaysWritten()
    {
        Assert.Equal(
            "out_of_sequence,link_broken,content_changed,attachment_changed,recorded_backwards,kept_head_mismatch,stamped_head_mismatch,head_mismatch",
            Ids(ChainBreak.KindIds));
    }

    [Fact]
    public void Id_OfEveryConductLabel_IsTheOneStoredLabelsAndReportsHaveAlwaysHeld()
    {
        Assert.Equal(
            "threat_violence,threat_exposure,insult,third_party_disclosure,impersonation_authority,fake_legal_process,pii_exposure,"
                + "false_consequences,lawful_reminder,off_hours,excessive_frequency,third_party_contact",
            string.Join(',', ConductLabels.All.Select(l => l.Id())));
        Assert.All(ConductLabels.All, l => Assert.True(ConductLabels.TryParse(l.Id(), out var read) && read == l));
    }

    [Fact]
    public void KindIds_OfABudgetLine_AreTheOnesCaseFilesAndBackupsHaveAlwaysWritten() =>
        Assert.Equal("income,essential_expense", Ids(Vocabularies.BudgetLineKinds.Ids));

    [Fact]
    public void TargetIds_OfAPayment_AreTheOnesLoanFilesAndBackupsHaveAlwaysWritten() =>
        Assert.Equal("default,principal,interest,fees", Ids(Payment.TargetIds));

    [Fact]
    public void LedgerIds_OfABudgetLineAndAPayment_AreTheNamesEveryLedgerSoFarHolds()
    {
        Assert.Equal("Income,EssentialExpense", Ids(Vocabularies.BudgetLineKinds.LedgerIds));
        Assert.Equal("Default,Principal,Interest,Fees", Ids(Payment.TargetLedgerIds));
    }

    [Fact]
    public void KindIds_OfAnOfferFee_AreTheOnesTheOfferCheckHasAlwaysWritten() =>
        Assert.Equal("service,guarantee,membership,insurance", Ids(OfferFee.KindIds));

    [Fact]
    public void KindIds_OfAnOfferFinding_AreTheRulesTheOfferCheckHasAlwaysWritten() =>
        Assert.Equal(
            "rate_above_legal_line,rate_above_legal_line.every_view,rate_above_line_if_unlicensed,upfront_deduction,advertised_rate_understates,"
            + "rate_shown_per_day_or_month,bundled_fees.service,bundled_fees.guarantee,bundled_fees.membership,bundled_fees.insurance,"
            + "monthly_burden.unaffordable,monthly_burden.share,early_repayment_charge.share,early_repayment_charge.amount,early_repayment_charge.unstated",
            Ids(OfferFinding.KindIds));

    [Theory]
    [InlineData("content_changed", true)]
    [InlineData("Content_Changed", false)]
    [InlineData("ContentChanged", false)]
    [InlineData(" content_changed", false)]
    [InlineData(null, false)]
    public void TryParse_OfAnId_ReadsItOnlyAsWritten(string? id, bool read)
    {
        Assert.Equal(read, ChainBreak.KindIds.TryParse(id, out var kind));
        Assert.Equal(read ? ChainBreakKind.ContentChanged : default, kind);
    }

    [Fact]
    public void Constructor_AMemberWithoutAnId_IsRefusedNamingIt()
    {
        var refused = Assert.Throws<ArgumentException>(() => new WireIds<BudgetLineKind>((BudgetLineKind.Income, "income")));

        Assert.Contains("EssentialExpense", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TwoMembersWithOneId_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new WireIds<BudgetLineKind>((BudgetLineKind.Income, "line"), (BudgetLineKind.EssentialExpense, "line")));

    [Fact]
    public void Of_AnUndefinedMember_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Vocabularies.BudgetLineKinds.Ids.Of((BudgetLineKind)99));

    [Fact]
    public void Of_ANegativeValue_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Vocabularies.BudgetLineKinds.Ids.Of((BudgetLineKind)(-1)));

    [Fact]
    public void Constructor_OneMemberTwice_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new WireIds<PaymentTarget>(
            (PaymentTarget.Default, "default"), (PaymentTarget.Default, "again"), (PaymentTarget.Principal, "principal"), (PaymentTarget.Interest, "interest"), (PaymentTarget.Fees, "fees")));

    private static string Ids<T>(WireIds<T> ids)
        where T : struct, Enum => string.Join(',', Enum.GetValues<T>().Select(ids.Of));
}
