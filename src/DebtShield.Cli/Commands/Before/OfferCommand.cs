using System.Globalization;
using DebtShield.App;
using DebtShield.App.CheckOffer;
using DebtShield.App.Input;
using DebtShield.Cli.Commands.Ledger;
using DebtShield.Cli.Rendering;
using DebtShield.Cli.Resources;
using DebtShield.Core;
using DebtShield.Core.Loans;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Before;

/// <summary>
/// <c>debtshield offer [FILE|-] [--amount YUAN] [--term 12期|30天] [--daily-rate 0.05] … [--income YUAN] [--json]</c>:
/// the real cost, the legal view and a plain verdict on a loan offer, before signing.
/// </summary>
internal sealed class OfferCommand(TimeProvider time) : AsyncCommand<OfferCommand.Settings>
{
    /// <summary>The arguments of <c>debtshield offer</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[OFFER]")]
        [LocalizedDescription(nameof(CliText.Offer_TextArgument))]
        public string? TextPath { get; init; }

        [CommandOption("--amount <YUAN>")]
        [LocalizedDescription(nameof(CliText.Offer_AmountOption))]
        public string? Amount { get; init; }

        [CommandOption("--arrives <YUAN>")]
        [LocalizedDescription(nameof(CliText.Offer_ArrivesOption))]
        public string? Arrives { get; init; }

        [CommandOption("--term <TERM>")]
        [LocalizedDescription(nameof(CliText.Offer_TermOption))]
        public string? Term { get; init; }

        [CommandOption("--instalment <YUAN>")]
        [LocalizedDescription(nameof(CliText.Offer_InstalmentOption))]
        public string? Instalment { get; init; }

        [CommandOption("--daily-rate <PERCENT>")]
        [LocalizedDescription(nameof(CliText.Offer_DailyRateOption))]
        public string? DailyRate { get; init; }

        [CommandOption("--monthly-rate <PERCENT>")]
        [LocalizedDescription(nameof(CliText.Offer_MonthlyRateOption))]
        public string? MonthlyRate { get; init; }

        [CommandOption("--monthly-fee-rate <PERCENT>")]
        [LocalizedDescription(nameof(CliText.Offer_MonthlyFeeRateOption))]
        public string? MonthlyFeeRate { get; init; }

        [CommandOption("--annual-rate <PERCENT>")]
        [LocalizedDescription(nameof(CliText.Offer_AnnualRateOption))]
        public string? AnnualRate { get; init; }

        [CommandOption("--fee <NAME=YUAN>")]
        [LocalizedDescription(nameof(CliText.Offer_FeeOption))]
        public string[] Fees { get; init; } = [];

        [CommandOption("--fee-each <NAME=YUAN>")]
        [LocalizedDescription(nameof(CliText.Offer_FeeEachOption))]
        public string[] FeesEach { get; init; } = [];

        [CommandOption("--income <YUAN>")]
        [LocalizedDescription(nameof(CliText.Offer_IncomeOption))]
        public string? Income { get; init; }

        [CommandOption("--expenses <YUAN>")]
        [LocalizedDescription(nameof(CliText.Offer_ExpensesOption))]
        public string? Expenses { get; init; }

        [CommandOption("--lender <NAME>")]
        [LocalizedDescription(nameof(CliText.Offer_LenderOption))]
        public string? Lender { get; init; }

        [CommandOption("--kind <KIND>")]
        [LocalizedDescription(nameof(CliText.Facts_KindOption), Choices = typeof(LenderKind))]
        public string? Kind { get; init; }

        [CommandOption("--json")]
        [LocalizedDescription(nameof(CliText.Rate_JsonOption))]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (TextPath is null && Amount is null)
            {
                return ValidationResult.Error(CliText.Error_OfferNeedsInput);
            }

            foreach (var (option, value) in new[] { ("--amount", Amount), ("--arrives", Arrives), ("--instalment", Instalment), ("--income", Income), ("--expenses", Expenses) })
            {
                if (value is not null && !FactText.TryAmount(value, out _))
                {
                    return ValidationResult.Error(Localized.Format(CliText.Error_InvalidFigure, option, value));
                }
            }

            foreach (var (option, value) in new[] { ("--daily-rate", DailyRate), ("--monthly-rate", MonthlyRate), ("--monthly-fee-rate", MonthlyFeeRate), ("--annual-rate", AnnualRate) })
            {
                if (value is not null && !TryPercent(value, out _))
                {
                    return ValidationResult.Error(Localized.Format(CliText.Error_InvalidFigure, option, value));
                }
            }

            if (Term is not null && ParseTerm(Term) is null)
            {
                return ValidationResult.Error(Localized.Format(CliText.Error_InvalidFigure, "--term", Term));
            }

            foreach (var fee in Fees.Concat(FeesEach))
            {
                if (ParseFee(fee) is null)
                {
                    return ValidationResult.Error(Localized.Format(CliText.Error_InvalidFigure, "--fee", fee));
                }
            }

            return ValidationResult.Success();
        }

        public OfferFigures Figures()
        {
            var term = Term is null ? null : ParseTerm(Term);
            return new OfferFigures
            {
                Amount = Yuan(Amount),
                Arrives = Yuan(Arrives),
                Instalment = Yuan(Instalment),
                Months = term is { Days: false } ? term.Value.Count : null,
                Days = term is { Days: true } ? term.Value.Count : null,
                DailyRatePercent = Percent(DailyRate),
                MonthlyRatePercent = Percent(MonthlyRate),
                MonthlyFeeRatePercent = Percent(MonthlyFeeRate),
                AnnualRatePercent = Percent(AnnualRate),
                Fees = [.. Fees.Select(f => ParseFee(f)!.Value)],
                FeesEachInstalment = [.. FeesEach.Select(f => ParseFee(f)!.Value)],
            };
        }

        public static decimal? Yuan(string? text) => text is not null && FactText.TryAmount(text, out var yuan) ? yuan : null;

        private static decimal? Percent(string? text) => text is not null && TryPercent(text, out var value) ? value : null;

        private static bool TryPercent(string text, out decimal percent) =>
            decimal.TryParse(text.TrimEnd('%', ' '), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out percent) && percent <= 1000m;

        /// <summary>"12", "12期", "12个月" are months; "30天" or "30d" are days.</summary>
        private static (int Count, bool Days)? ParseTerm(string text)
        {
            var t = text.Trim();
            var days = t.EndsWith('天') || t.EndsWith('d');
            var digits = t.TrimEnd('天', 'd', '期', '月', '个');
            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is > 0 and <= 3650
                ? (count, days)
                : null;
        }

        private static KeyValuePair<string, decimal>? ParseFee(string text)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            return equals > 0 && FactText.TryAmount(text[(equals + 1)..], out var yuan) && yuan > 0
                ? new KeyValuePair<string, decimal>(text[..equals].Trim(), yuan)
                : null;
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var text = "";
        if (settings.TextPath is { } argument)
        {
            var (stdin, path) = await TextInput.OpenAsync(argument, cancellationToken);
            text = stdin ?? await File.ReadAllTextAsync(path!, cancellationToken);
        }

        var request = new CheckOfferRequest(
            ChinaStandardTime.Today(time),
            Settings.Yuan(settings.Income) is { } income ? new Money(income) : null,
            Settings.Yuan(settings.Expenses) is { } expenses ? new Money(expenses) : null,
            settings.Lender,
            LoanFacts.Kind(settings.Kind))
        {
            Figures = settings.Figures(),
        };
        var outcome = CheckOffer.Run(text, request);
        foreach (var line in outcome.Unread)
        {
            LedgerSession.Notice(Localized.Format(CliText.Offer_UnreadLine, line.Location.Line, line.Location.Text, line.Message));
        }

        // Ask, don't refuse: at a terminal each missing fact is asked in words and read like a line of the offer.
        while (outcome.Report is null)
        {
            if (!LedgerSession.Interactive)
            {
                throw new UserInputException(Localized.Format(CliText.Error_OfferQuestions, string.Join("；", outcome.Questions.Select(q => q.Text + OptionHint(q.Fact)))));
            }

            var answers = outcome.Questions.Select(q => AnswerLine(q.Fact, LedgerSession.Prompts.Prompt(new TextPrompt<string>(q.Text)).Trim()));
            text = string.Join("\n", [text, .. answers]);
            outcome = CheckOffer.Run(text, request);
        }

        if (settings.Json)
        {
            await JsonOutput.WriteAsync(outcome.Report, ReportJsonContext.Default.CheckOfferReport, cancellationToken);
        }
        else
        {
            OfferTable.Write(CliContext.Current.Console, outcome.Report);
        }

        return DebtShieldApp.Success;
    }

    /// <summary>An answer as a line of the offer, under the label of the fact it answers ("10000" → "借款金额 10000").</summary>
    private static string AnswerLine(string fact, string answer) => fact switch
    {
        "amount" => "借款金额 " + answer,
        "arrives" => "实际到账 " + answer,
        "term" => "借款期限 " + answer + (answer.All(char.IsAsciiDigit) ? "期" : ""),
        _ => answer.Contains('%', StringComparison.Ordinal) || answer.Contains('率', StringComparison.Ordinal) || answer.Contains('息', StringComparison.Ordinal) ? answer : "每期应还 " + answer,
    };

    private static string OptionHint(string fact) => fact switch
    {
        "amount" => " (--amount)",
        "arrives" => " (--arrives)",
        "term" => " (--term)",
        _ => " (--instalment, --daily-rate …)",
    };
}
