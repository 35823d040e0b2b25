using System.Globalization;
using DebtShield.Core;
using DebtShield.Core.Budget;
using DebtShield.Core.Cases;
using DebtShield.Core.Loans;
using DebtShield.Core.Reading;
using DebtShield.Core.Vocabulary;
using DebtShield.Import.LoanFiles;
using DebtShield.Import.Resources;

namespace DebtShield.Import.CaseFiles;

/// <summary>
/// Reads a case file (docs/case-format.md): one borrower's whole case, exported from one machine
/// to be imported on another. Strict like <see cref="LoanFileReader"/>, which reads each loan in
/// it: unknown fields, wrong types, repeated fields, another format or version and repeated loan
/// ids are errors, each naming its line and its field from the file's root
/// (<c>loans[2].schedule[0].total</c>), and a mistake in one loan does not hide those in others.
/// </summary>
public static class CaseFileReader
{
    /// <summary>The value of <c>format</c> that marks a case file.</summary>
    public const string FormatName = "debtshield-case";

    /// <summary>The version of the format this reader reads and <see cref="CaseFileWriter"/> writes.</summary>
    public const int FormatVersion = 1;

    /// <summary>Reads a case file from disk.</summary>
    public static CaseFileReading ReadFile(string path)
    {
        var bytes = StrictJson.ReadBytes(path, out var error);
        return bytes is null ? CaseFileReading.Failed(error!) : Read(bytes);
    }

    /// <summary>Reads a case from UTF-8 JSON.</summary>
    public static CaseFileReading Read(ReadOnlySpan<byte> utf8Json)
    {
        // The loans are found by their place in these very bytes, so the mark goes first.
        utf8Json = StrictJson.WithoutByteOrderMark(utf8Json);
        var document = StrictJson.Deserialize(utf8Json, CaseFileJsonContext.Default.CaseFileDocument, out var error);
        if (document is null)
        {
            return CaseFileReading.Failed(error!);
        }

        var errors = new List<ReadingProblem>();
        var content = Convert(document, utf8Json, errors);
        if (errors.Count == 0)
        {
            return new CaseFileReading(content, []);
        }

        var lines = new JsonFieldLines(utf8Json);
        return new CaseFileReading(null, [.. errors.Select(lines.Locate)]);
    }

    private static CaseFileContent? Convert(CaseFileDocument document, ReadOnlySpan<byte> utf8Json, List<ReadingProblem> errors)
    {
        // Another format or version may mean something else by the same fields: read nothing of it.
        if (document.Format != FormatName)
        {
            errors.Add(new ReadingProblem(SourceLocation.AtField("format"), ImportMessages.NotACaseFile));
            return null;
        }

        if (document.Version != FormatVersion)
        {
            errors.Add(new ReadingProblem(
                SourceLocation.AtField("version"),
                document.Version is { } version ? Localized.Format(ImportMessages.UnsupportedCaseVersion, version) : ImportMessages.MissingField));
            return null;
        }

        var profile = ConvertProfile(document.Case, errors);
        var budget = ConvertBudget(document.Case?.Budget, errors);
        var loans = ConvertLoans(document.Loans, utf8Json, errors);
        return errors.Count == 0 ? new CaseFileContent(profile!, budget, loans) : null;
    }

    private static CaseProfile? ConvertProfile(CaseDocument? document, List<ReadingProblem> errors)
    {
        if (document is null)
        {
            errors.Add(new ReadingProblem(SourceLocation.AtField("case"), ImportMessages.MissingField));
            return null;
        }

        if (string.IsNullOrWhiteSpace(document.Title))
        {
            errors.Add(new ReadingProblem(SourceLocation.AtField("case.title"), document.Title is null ? ImportMessages.MissingField : ImportMessages.TextBlank));
            return null;
        }

        var borrower = document.Borrower;
        return new CaseProfile(document.Title, borrower?.Name, borrower?.Phone, borrower?.IdNumber, document.Notes);
    }

    private static MonthlyBudget ConvertBudget(List<BudgetLineDocument?>? lines, List<ReadingProblem> errors)
    {
        var converted = new List<BudgetLine>(lines?.Count ?? 0);
        for (var i = 0; i < (lines?.Count ?? 0); i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"case.budget[{i}]");
            if (lines![i] is not { } line)
            {
                errors.Add(new ReadingProblem(SourceLocation.AtField(field), ImportMessages.NotAnObject));
                continue;
            }

            var before = errors.Count;
            BudgetLineKind? kind = Vocabularies.BudgetLineKinds.Ids.TryParse(line.Kind, out var side) ? side : null;
            if (kind is null)
            {
                errors.Add(new ReadingProblem(SourceLocation.AtField(field + ".kind"), line.Kind is null ? ImportMessages.MissingField : Localized.Format(ImportMessages.UnknownBudgetKind, line.Kind)));
            }

            if (string.IsNullOrWhiteSpace(line.Name))
            {
                errors.Add(new ReadingProblem(SourceLocation.AtField(field + ".name"), line.Name is null ? ImportMessages.MissingField : ImportMessages.TextBlank));
            }

            var monthlyMessage = line.Monthly switch
            {
                null => ImportMessages.MissingField,
                <= 0 => ImportMessages.Problem_NotPositive,
                > Loan.LargestAmount => ImportMessages.Problem_ImplausiblyLarge,
                _ => null,
            };
            if (monthlyMessage is not null)
            {
                errors.Add(new ReadingProblem(SourceLocation.AtField(field + ".monthly"), monthlyMessage));
            }

            if (errors.Count == before)
            {
                converted.Add(new BudgetLine(kind!.Value, line.Name!, new Money(line.Monthly!.Value)));
            }
        }

        return new MonthlyBudget(converted);
    }

    private static List<Loan> ConvertLoans(List<LoanObjectPlace>? places, ReadOnlySpan<byte> utf8Json, List<ReadingProblem> errors)
    {
        var loans = new List<Loan>(places?.Count ?? 0);
        if (places is null)
        {
            errors.Add(new ReadingProblem(SourceLocation.AtField("loans"), ImportMessages.MissingField));
            return loans;
        }

        var firstUse = new Dictionary<string, string>(StringComparer.Ordinal);
        long linesBefore = 0;
        var counted = 0;
        for (var i = 0; i < places.Count; i++)
        {
            var place = places[i];
            linesBefore += utf8Json[counted..place.Start].Count((byte)'\n');
            counted = place.Start;

            var field = string.Create(CultureInfo.InvariantCulture, $"loans[{i}]");
            var defaultId = string.Create(CultureInfo.InvariantCulture, $"loan-{i + 1}");
            var reading = LoanFileReader.ReadObject(utf8Json.Slice(place.Start, place.Length), defaultId, field, linesBefore);
            if (!reading.Succeeded)
            {
                errors.AddRange(reading.Errors);
            }
            else if (!firstUse.TryAdd(reading.Loan.Id, field))
            {
                errors.Add(new ReadingProblem(
                    SourceLocation.AtField(field + ".id"),
                    string.Format(CultureInfo.CurrentCulture, ImportMessages.DuplicateLoanId, reading.Loan.Id, firstUse[reading.Loan.Id])));
            }
            else
            {
                loans.Add(reading.Loan);
            }
        }

        return loans;
    }
}
