using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DebtShield.Core;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;

namespace DebtShield.Import.LoanFiles;

/// <summary>
/// Writes a loan as a loan file (docs/loan-format.md) that <see cref="LoanFileReader"/> reads back
/// as the same loan, fact for fact, so that exporting and importing never changes a figure.
/// </summary>
/// <remarks>
/// Amounts are written as exact decimals without trailing zeros (833.33, never 833.330000); text
/// is written as it is (Chinese is not escaped); fields that are absent or empty are left out.
/// The same loan always gives the same bytes.
/// </remarks>
public static class LoanFileWriter
{
    /// <summary>
    /// How every DebtShield file is written: UTF-8 without a byte-order mark, indented with two
    /// spaces and <c>\n</c> line ends on every system, Chinese characters as they are.
    /// </summary>
    internal static JsonWriterOptions Options { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="loan"/> to <paramref name="stream"/> as one loan file.</summary>
    public static void Write(Stream stream, Loan loan)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(loan);
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            Write(writer, loan);
        }

        stream.Write("\n"u8);
    }

    /// <summary>Writes <paramref name="loan"/> as one loan-file object, for files that hold loans.</summary>
    public static void Write(Utf8JsonWriter writer, Loan loan)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(loan);

        writer.WriteStartObject();
        writer.WriteString("id", loan.Id);
        writer.WriteStartObject("lender");
        WriteTextIfAny(writer, "name", loan.Lender.Name);
        writer.WriteString("kind", Vocabularies.LenderKinds.WireId(loan.Lender.Kind));
        writer.WriteEndObject();
        WriteDate(writer, "contractDate", loan.ContractDate);
        WriteAmount(writer, "principal", loan.Principal);
        WriteAmount(writer, "received", loan.Received);

        WriteListIfAny(writer, "upfrontFees", loan.UpfrontFees, fee =>
        {
            WriteTextIfAny(writer, "name", fee.Name);
            WriteAmount(writer, "amount", fee.Amount);
            WriteDate(writer, "date", fee.Date);
        });
        WriteListIfAny(writer, "schedule", loan.Schedule, instalment =>
        {
            WriteDate(writer, "dueDate", instalment.DueDate);
            WriteAmountIfAny(writer, "principal", instalment.Principal);
            WriteAmountIfAny(writer, "interest", instalment.Interest);
            WriteAmountIfAny(writer, "fees", instalment.Fees);
            WriteAmount(writer, "total", instalment.Total);
        });
        WriteListIfAny(writer, "payments", loan.Payments, payment =>
        {
            WriteDate(writer, "date", payment.Date);
            WriteAmount(writer, "amount", payment.Amount);
            if (PaymentTargetNames.Name(payment.AppliesTo) is { } target)
            {
                writer.WriteString("appliesTo", target);
            }
        });

        if (loan.Advertised is { } stated)
        {
            writer.WriteStartObject("stated");
            writer.WriteNumber("value", stated.Value);
            writer.WriteString("per", Vocabularies.RateUnits.WireId(stated.Per));
            writer.WriteString("method", Vocabularies.RateMethods.WireId(stated.Method));
            writer.WriteEndObject();
        }

        WriteOverdueTerms(writer, loan.OverdueTerms);
        writer.WriteEndObject();
    }

    /// <summary>Writes the agreed overdue terms; unknown terms are left out, nothing agreed is an empty object.</summary>
    private static void WriteOverdueTerms(Utf8JsonWriter writer, OverdueTerms terms)
    {
        if (!terms.IsKnown)
        {
            return;
        }

        writer.WriteStartObject("overdueTerms");
        if (terms.Rate is { } rate)
        {
            writer.WriteStartObject("rate");
            writer.WriteNumber("value", rate.Value);
            writer.WriteString("per", Vocabularies.RateUnits.WireId(rate.Per));
            writer.WriteEndObject();
        }

        if (terms.Penalty is { } penalty)
        {
            writer.WriteStartObject("penalty");
            if (penalty.DailyRate is { } daily)
            {
                writer.WriteNumber("perDay", daily);
            }

            if (penalty.Amount is { } amount)
            {
                WriteAmount(writer, "amount", amount);
            }

            writer.WriteEndObject();
        }

        if (terms.OtherFees is { } fees)
        {
            WriteAmount(writer, "otherFees", fees);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes an amount as an exact JSON number with no trailing zeros: 833.330000 → 833.33, 1000.00 → 1000.</summary>
    internal static void WriteAmount(Utf8JsonWriter writer, string name, Money amount)
    {
        var yuan = amount.Yuan;
        while (yuan.Scale > 0 && decimal.Round(yuan, yuan.Scale - 1) == yuan)
        {
            yuan = decimal.Round(yuan, yuan.Scale - 1);
        }

        writer.WriteNumber(name, yuan);
    }

    /// <summary>Writes text, leaving out a field that is absent or empty.</summary>
    internal static void WriteTextIfAny(Utf8JsonWriter writer, string name, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            writer.WriteString(name, text);
        }
    }

    /// <summary>Writes a list of objects, leaving out a list that is empty.</summary>
    internal static void WriteListIfAny<T>(Utf8JsonWriter writer, string name, IReadOnlyList<T> items, Action<T> writeFields)
    {
        if (items.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStartObject();
            writeFields(item);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteAmountIfAny(Utf8JsonWriter writer, string name, Money? amount)
    {
        if (amount is { } value)
        {
            WriteAmount(writer, name, value);
        }
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, DateOnly date) =>
        writer.WriteString(name, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
