using System.Globalization;
using DebtShield.App;
using DebtShield.App.Input;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Web.Pages;
using DebtShield.Web.Resources;

namespace DebtShield.Web.Forms;

/// <summary>
/// Reads one typed value of a form, refusing it with the field's own label, what was typed and the
/// reason ("“每期应还（元）”必须大于 0（填的是“-5000”）"), never a bare "does not read".
/// </summary>
public static class FormValue
{
    /// <summary>An amount of yuan above zero and below a trillion.</summary>
    /// <exception cref="RequestRefusedException">Missing, not an amount, not above zero or implausibly large.</exception>
    public static Money Amount(string? text, string label)
    {
        var given = WebInput.Required(text, label);
        if (!FactText.TryAmount(given, out var yuan))
        {
            throw Refused(WebText.Input_NotAmount, label, given);
        }

        return yuan <= 0m ? throw Refused(WebText.Input_NotPositive, label, given)
            : yuan > Loan.LargestAmount ? throw Refused(WebText.Input_TooLarge, label, given)
            : new Money(yuan);
    }

    /// <summary>
    /// An amount of yuan as written, zero allowed (a contract may agree a fee of nothing); its
    /// bounds are the loan's (<see cref="Loan.Create"/>), worded on the field like its other facts.
    /// </summary>
    /// <exception cref="RequestRefusedException">Missing or not an amount.</exception>
    public static decimal AmountAtLeastZero(string? text, string label)
    {
        var given = WebInput.Required(text, label);
        return FactText.TryAmount(given, out var yuan) ? yuan : throw Refused(WebText.Input_NotAmount, label, given);
    }

    /// <summary>A calendar date with its year written.</summary>
    /// <exception cref="RequestRefusedException">Missing or not a date.</exception>
    public static DateOnly Date(string? text, string label)
    {
        var given = WebInput.Required(text, label);
        return FactText.TryDate(given, out var date) ? date : throw Refused(WebText.Input_NotDate, label, given);
    }

    /// <summary>
    /// The date of something that has happened (a contract, a payment): not after today beyond
    /// <see cref="RecordedDates.Leeway"/>, the ledger's own rule.
    /// </summary>
    /// <exception cref="RequestRefusedException">Missing, not a date, or after today.</exception>
    public static DateOnly PastDate(string? text, string label, DateOnly today)
    {
        var date = Date(text, label);
        return date <= RecordedDates.Latest(today)
            ? date
            : throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Input_AfterToday, label, Figures.Day(date), Figures.Day(today)));
    }

    /// <summary>A whole number from 1 to <paramref name="largest"/>, typed with or without its unit (6, 6 期).</summary>
    /// <exception cref="RequestRefusedException">Missing, or not such a number.</exception>
    public static int Count(string? text, string label, string unit, int largest)
    {
        var given = WebInput.Required(text, label);
        var digits = given.EndsWith(unit, StringComparison.Ordinal) ? given[..^unit.Length].TrimEnd() : given;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= largest
            ? count
            : throw new RequestRefusedException(string.Format(CultureInfo.CurrentCulture, WebText.Input_NotCount, label, given, largest));
    }

    private static RequestRefusedException Refused(string format, string label, string given) =>
        new(string.Format(CultureInfo.CurrentCulture, format, label, given));
}
