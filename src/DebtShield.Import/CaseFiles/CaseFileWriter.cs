using System.Text.Json;
using DebtShield.Core.Vocabulary;
using DebtShield.Import.LoanFiles;

namespace DebtShield.Import.CaseFiles;

/// <summary>
/// Writes a case file (docs/case-format.md) that <see cref="CaseFileReader"/> reads back as the
/// same case, fact for fact: the export half of moving a case between machines.
/// </summary>
/// <remarks>
/// UTF-8 without a byte-order mark, indented, Chinese as it is, amounts as exact decimals, absent
/// fields and empty lists left out; each loan is written by <see cref="LoanFileWriter"/>. The same
/// case always gives the same bytes, so a file read and written again is unchanged.
/// </remarks>
public static class CaseFileWriter
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="stream"/> as one case file.</summary>
    public static void Write(Stream stream, CaseFileContent content)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(content);
        using (var writer = new Utf8JsonWriter(stream, LoanFileWriter.Options))
        {
            Write(writer, content);
        }

        stream.Write("\n"u8);
    }

    private static void Write(Utf8JsonWriter writer, CaseFileContent content)
    {
        var profile = content.Profile;
        writer.WriteStartObject();
        writer.WriteString("format", CaseFileReader.FormatName);
        writer.WriteNumber("version", CaseFileReader.FormatVersion);

        writer.WriteStartObject("case");
        writer.WriteString("title", profile.Title);
        if (profile.BorrowerName is not null || profile.BorrowerPhone is not null || profile.BorrowerIdNumber is not null)
        {
            writer.WriteStartObject("borrower");
            LoanFileWriter.WriteTextIfAny(writer, "name", profile.BorrowerName);
            LoanFileWriter.WriteTextIfAny(writer, "phone", profile.BorrowerPhone);
            LoanFileWriter.WriteTextIfAny(writer, "idNumber", profile.BorrowerIdNumber);
            writer.WriteEndObject();
        }

        LoanFileWriter.WriteTextIfAny(writer, "notes", profile.Notes);
        LoanFileWriter.WriteListIfAny(writer, "budget", content.Budget.Lines, line =>
        {
            writer.WriteString("kind", Vocabularies.BudgetLineKinds.Ids.Of(line.Kind));
            writer.WriteString("name", line.Name);
            LoanFileWriter.WriteAmount(writer, "monthly", line.Monthly);
        });
        writer.WriteEndObject();

        writer.WriteStartArray("loans");
        foreach (var loan in content.Loans)
        {
            LoanFileWriter.Write(writer, loan);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
