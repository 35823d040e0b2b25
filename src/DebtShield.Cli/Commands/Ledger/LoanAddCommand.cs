using System.Globalization;
using DebtShield.App;
using DebtShield.App.RecordLoans;
using DebtShield.Cli.Resources;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;
using DebtShield.App.Input;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Ledger;

/// <summary>
/// <c>debtshield loan add</c>: records a loan from options, asking at the terminal for what is
/// missing (name, lender, kind, contract date, principal, schedule).
/// </summary>
internal sealed class LoanAddCommand(TimeProvider time) : AsyncCommand<LoanAddCommand.Settings>
{
    /// <summary>What identifies a loan beside its schedule: lender, kind, contract date, amounts. <c>loan import</c> of a pasted schedule takes these too.</summary>
    internal class LoanBasicsSettings : CaseSettings
    {
        [CommandOption("--lender <NAME>")]
        [LocalizedDescription(nameof(CliText.Facts_LenderOption))]
        public string? Lender { get; init; }

        [CommandOption("--kind <KIND>")]
        [LocalizedDescription(nameof(CliText.Facts_KindOption), Choices = typeof(LenderKind))]
        public string? Kind { get; init; }

        [CommandOption("--contract-date <DATE>")]
        [LocalizedDescription(nameof(CliText.Facts_ContractDateOption))]
        public string? ContractDate { get; init; }

        [CommandOption("--principal <YUAN>")]
        [LocalizedDescription(nameof(CliText.Facts_PrincipalOption))]
        public string? Principal { get; init; }

        [CommandOption("--received <YUAN>")]
        [LocalizedDescription(nameof(CliText.Facts_ReceivedOption))]
        public string? Received { get; init; }
    }

    /// <summary>The loan's facts as options; <c>loan edit</c> takes the same ones.</summary>
    internal class FactSettings : LoanBasicsSettings
    {
        [CommandOption("--due <DATE=YUAN>")]
        [LocalizedDescription(nameof(CliText.Facts_DueOption))]
        public string[]? Due { get; init; }

        [CommandOption("--instalments <N>")]
        [LocalizedDescription(nameof(CliText.Facts_InstalmentsOption))]
        public int? Instalments { get; init; }

        [CommandOption("--amount <YUAN>")]
        [LocalizedDescription(nameof(CliText.Facts_AmountOption))]
        public string? Amount { get; init; }

        [CommandOption("--first-due <DATE>")]
        [LocalizedDescription(nameof(CliText.Facts_FirstDueOption))]
        public string? FirstDue { get; init; }

        [CommandOption("--fee <NAME=YUAN>")]
        [LocalizedDescription(nameof(CliText.Facts_FeeOption))]
        public string[]? Fee { get; init; }

        [CommandOption("--stated-rate <RATE>")]
        [LocalizedDescription(nameof(CliText.Facts_StatedRateOption))]
        public string? StatedRate { get; init; }

        [CommandOption("--stated-per <PER>")]
        [LocalizedDescription(nameof(CliText.Facts_StatedPerOption), Choices = typeof(RatePer))]
        public string? StatedPer { get; init; }

        [CommandOption("--stated-method <METHOD>")]
        [LocalizedDescription(nameof(CliText.Facts_StatedMethodOption), Choices = typeof(AdvertisedMethod))]
        public string? StatedMethod { get; init; }

        [CommandOption("--overdue-rate <RATE>")]
        [LocalizedDescription(nameof(CliText.Facts_OverdueRateOption))]
        public string? OverdueRate { get; init; }

        [CommandOption("--overdue-per <PER>")]
        [LocalizedDescription(nameof(CliText.Facts_OverduePerOption), Choices = typeof(RatePer))]
        public string? OverduePer { get; init; }

        [CommandOption("--penalty-per-day <RATE>")]
        [LocalizedDescription(nameof(CliText.Facts_PenaltyPerDayOption))]
        public string? PenaltyPerDay { get; init; }

        [CommandOption("--penalty <YUAN>")]
        [LocalizedDescription(nameof(CliText.Facts_PenaltyOption))]
        public string? Penalty { get; init; }

        [CommandOption("--overdue-fees <YUAN>")]
        [LocalizedDescription(nameof(CliText.Facts_OverdueFeesOption))]
        public string? OverdueFees { get; init; }

        [CommandOption("--no-overdue-terms")]
        [LocalizedDescription(nameof(CliText.Facts_NoOverdueTermsOption))]
        public bool NoOverdueTerms { get; init; }

        /// <summary>The overdue terms the options give; null when none is given (not known, or unchanged).</summary>
        public OverdueTerms? OverdueTerms() =>
            LoanFacts.OverdueTerms(OverdueRate, OverduePer, PenaltyPerDay, Penalty, OverdueFees, NoOverdueTerms);
    }

    internal sealed class Settings : FactSettings
    {
        [CommandOption("--loan <NAME>")]
        [LocalizedDescription(nameof(CliText.Facts_LoanOption))]
        public string? Loan { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var name = LoanFacts.AskText(settings.Loan, "--loan", CliText.Ask_Loan);
        var lender = LoanFacts.AskText(settings.Lender, "--lender", CliText.Ask_Lender);
        var kind = LoanFacts.Ask(LoanFacts.Kind(settings.Kind), "--kind", Localized.Format(CliText.Ask_Kind, Localized.Names(Vocabularies.LenderKinds)), LoanFacts.Kind);
        var contractDate = LoanFacts.Ask(LoanFacts.Date(settings.ContractDate, "--contract-date"), "--contract-date", CliText.Ask_ContractDate, t => LoanFacts.Date(t, "--contract-date"));
        var principal = LoanFacts.Ask(LoanFacts.Amount(settings.Principal, "--principal"), "--principal", CliText.Ask_Principal, t => LoanFacts.Amount(t, "--principal"));
        var received = LoanFacts.Amount(settings.Received, "--received");
        var schedule = LoanFacts.Schedule(settings.Due, settings.Instalments, settings.Amount, settings.FirstDue) ?? AskSchedule();
        var creation = Loan.Create(
            name,
            new Lender(lender, kind),
            contractDate,
            principal,
            received,
            LoanFacts.Fees(settings.Fee, contractDate),
            schedule,
            [],
            LoanFacts.Advertised(settings.StatedRate, settings.StatedPer, settings.StatedMethod),
            settings.OverdueTerms());
        if (!creation.Succeeded)
        {
            throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, CliText.Loan_Invalid, name, FactText.Describe(creation.Problems)));
        }

        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        await RecordLoan.AddAsync(ledger, settings.Case, creation.Loan, time, cancellationToken);
        LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Loan_Added, name, ledger.Display));
        return DebtShieldApp.Success;
    }

    private static IReadOnlyList<Instalment> AskSchedule()
    {
        var count = LoanFacts.Ask<int>(null, "--instalments", CliText.Ask_Instalments, t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && EqualInstalments.IsCount(n) ? n : null);
        var amount = LoanFacts.Ask<Money>(null, "--amount", CliText.Ask_Amount, t => LoanFacts.Amount(t, "--amount"));
        var first = LoanFacts.Ask<DateOnly>(null, "--first-due", CliText.Ask_FirstDue, t => LoanFacts.Date(t, "--first-due"));
        return EqualInstalments.Schedule(count, amount, first);
    }
}
