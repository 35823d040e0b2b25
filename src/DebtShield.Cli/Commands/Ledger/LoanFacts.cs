using System.Globalization;
using DebtShield.App.Input;
using DebtShield.App.RecordLoans;
using DebtShield.Cli.Resources;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;
using Spectre.Console;

namespace DebtShield.Cli.Commands.Ledger;

/// <summary>
/// Reads loan facts from command-line options, in the same shapes the importers accept
/// (<c>¥1,034.50</c>, <c>2026年1月5日</c>), and asks for missing ones when a person is at the terminal.
/// </summary>
internal static class LoanFacts
{
    public static Money? Amount(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return FactText.TryAmount(text, out var yuan) && yuan > 0m && yuan <= Loan.LargestAmount
            ? new Money(yuan)
            : throw new UserInputException(Localized.Format(CliText.Facts_InvalidAmount, option, text));
    }

    public static DateOnly? Date(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return FactText.TryDate(text, out var date) ? date : throw new UserInputException(Localized.Format(CliText.Facts_InvalidDate, option, text));
    }

    public static LenderKind? Kind(string? text) =>
        text is null ? null
        : Vocabularies.LenderKinds.Parse(text) ?? throw new UserInputException(Localized.Format(CliText.Facts_InvalidKind, text, Localized.WireIds(Vocabularies.LenderKinds), Localized.Names(Vocabularies.LenderKinds)));

    /// <summary>What a payment was applied to, from <c>--applies-to</c>.</summary>
    public static PaymentTarget Target(string text) =>
        FactText.Target(text) ?? throw new UserInputException(Localized.Format(CliText.Facts_InvalidTarget, text));

    public static AdvertisedRate? Advertised(string? rate, string? per, string? method)
    {
        if (rate is null)
        {
            return per is null && method is null ? null : throw new UserInputException(Missing("--stated-rate"));
        }

        var text = rate.Trim();
        var percent = text.EndsWith('%');
        if (!double.TryParse(percent ? text[..^1] : text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || !double.IsFinite(value))
        {
            throw new UserInputException(Localized.Format(CliText.Facts_InvalidRate, rate));
        }

        var unit = Vocabularies.RateUnits.Parse(per ?? "year") ?? throw new UserInputException(Localized.Format(CliText.Facts_InvalidRate, per!));
        var how = Vocabularies.RateMethods.Parse(method ?? "unknown") ?? throw new UserInputException(Localized.Format(CliText.Facts_InvalidRate, method!));
        return new AdvertisedRate(percent ? value / 100 : value, unit, how);
    }

    /// <summary>
    /// The agreed overdue terms from <c>--overdue-rate</c>/<c>--overdue-per</c>, <c>--penalty-per-day</c>
    /// or <c>--penalty</c>, <c>--overdue-fees</c>, or <c>--no-overdue-terms</c> (the contract agrees
    /// nothing), read by <see cref="OverdueTermsEntry"/> as every door reads them; null when none of
    /// them is given.
    /// </summary>
    public static OverdueTerms? OverdueTerms(string? rate, string? per, string? penaltyPerDay, string? penalty, string? fees, bool noneAgreed)
    {
        var entry = new OverdueTermsEntry
        {
            Rate = rate,
            Per = per,
            PenaltyPerDay = penaltyPerDay,
            Penalty = OverdueAmount(penalty, "--penalty"),
            OtherFees = OverdueAmount(fees, "--overdue-fees"),
            NoneAgreed = noneAgreed,
        };
        if (entry.IsEmpty)
        {
            return null;
        }

        var reading = entry.Read();
        if (reading.Succeeded)
        {
            return reading.Terms;
        }

        var problem = reading.Problems[0];
        throw new UserInputException(problem.Kind switch
        {
            OverdueTermsProblemKind.NoneAgreedButGiven => CliText.Facts_NoOverdueTermsWithTerms,
            OverdueTermsProblemKind.PenaltyBothWays => CliText.Facts_PenaltyTwice,
            OverdueTermsProblemKind.PeriodWithoutRate => Missing("--overdue-rate"),
            OverdueTermsProblemKind.UnknownPeriod => Localized.Format(CliText.Facts_InvalidOverdueRate, "--overdue-per", per!),
            _ when problem.Part is OverdueTermsPart.PenaltyPerDay => Localized.Format(CliText.Facts_InvalidOverdueRate, "--penalty-per-day", penaltyPerDay!),
            _ => Localized.Format(CliText.Facts_InvalidOverdueRate, "--overdue-rate", rate!),
        });
    }

    /// <summary>
    /// An amount of the overdue terms: zero is a figure a contract may agree, so only its reading is
    /// checked here; its bounds are the loan's (<see cref="Loan.Create"/>).
    /// </summary>
    private static decimal? OverdueAmount(string? text, string option) =>
        string.IsNullOrWhiteSpace(text) ? null
        : FactText.TryAmount(text, out var yuan) ? yuan
        : throw new UserInputException(Localized.Format(CliText.Facts_InvalidOverdueAmount, option, text));

    /// <summary>
    /// The schedule from <c>--due DATE=YUAN</c> (repeatable), or from <c>--instalments N --amount YUAN
    /// --first-due DATE</c> (equal monthly instalments, the common app loan); null when neither is given.
    /// </summary>
    public static IReadOnlyList<Instalment>? Schedule(string[]? due, int? count, string? amount, string? firstDue)
    {
        if (due is { Length: > 0 })
        {
            if (count is not null || amount is not null || firstDue is not null)
            {
                throw new UserInputException(CliText.Facts_TwoSchedules);
            }

            return [.. due.Select(ParseDue)];
        }

        if (count is null && amount is null && firstDue is null)
        {
            return null;
        }

        var n = count ?? throw new UserInputException(Missing("--instalments"));
        if (!EqualInstalments.IsCount(n))
        {
            throw new UserInputException(Localized.Format(CliText.Facts_InvalidCount, n, EqualInstalments.LargestCount));
        }

        var each = Amount(amount, "--amount") ?? throw new UserInputException(Missing("--amount"));
        var first = Date(firstDue, "--first-due") ?? throw new UserInputException(Missing("--first-due"));
        return EqualInstalments.Schedule(n, each, first);
    }

    public static IReadOnlyList<UpfrontFee> Fees(string[]? fees, DateOnly contractDate) =>
        [.. Pairs(fees, "--fee").Select(fee => new UpfrontFee(fee.Name, fee.Amount, contractDate))];

    /// <summary><c>NAME=YUAN</c> values of a repeatable option.</summary>
    public static IEnumerable<(string Name, Money Amount)> Pairs(string[]? values, string option) =>
        (values ?? []).Select(value =>
        {
            var (name, amount) = Split(value, option);
            return (name, Amount(amount, option)!.Value);
        });

    /// <summary>A value from its option, else asked at the terminal, else an error naming the option.</summary>
    public static T Ask<T>(T? given, string option, string question, Func<string, T?> parse)
        where T : struct
    {
        if (given is { } value)
        {
            return value;
        }

        if (!LedgerSession.Interactive)
        {
            throw new UserInputException(Missing(option));
        }

        while (true)
        {
            var answer = LedgerSession.Prompts.Prompt(new TextPrompt<string>(question));
            try
            {
                if (parse(answer) is { } parsed)
                {
                    return parsed;
                }
            }
            catch (UserInputException e)
            {
                LedgerSession.Prompts.MarkupLine("[red]" + Markup.Escape(e.Message) + "[/]");
            }
        }
    }

    /// <summary>Text from its option, else asked at the terminal, else an error naming the option.</summary>
    public static string AskText(string? given, string option, string question)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given.Trim();
        }

        return LedgerSession.Interactive
            ? LedgerSession.Prompts.Prompt(new TextPrompt<string>(question)).Trim()
            : throw new UserInputException(Missing(option));
    }

    public static string Missing(string option) => Localized.Format(CliText.Facts_Missing, option);

    private static Instalment ParseDue(string due)
    {
        var (date, amount) = Split(due, "--due");
        return new Instalment(Date(date, "--due")!.Value, Amount(amount, "--due")!.Value);
    }

    private static (string Left, string Right) Split(string text, string option)
    {
        var equals = text.LastIndexOf('=');
        return equals > 0 && equals < text.Length - 1
            ? (text[..equals].Trim(), text[(equals + 1)..].Trim())
            : throw new UserInputException(Localized.Format(CliText.Facts_InvalidPair, option, text));
    }
}
