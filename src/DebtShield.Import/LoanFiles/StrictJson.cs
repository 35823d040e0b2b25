using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DebtShield.Core.Reading;
using DebtShield.Import.Resources;

namespace DebtShield.Import.LoanFiles;

/// <summary>
/// The strict reading every DebtShield JSON file shares (loan files, case files): the bytes of a
/// file, a byte-order mark tolerated, and a serializer failure turned into an error that names
/// the line and the field.
/// </summary>
internal static class StrictJson
{
    /// <summary>The bytes of the file at <paramref name="path"/>, or the error saying why there are none.</summary>
    public static byte[]? ReadBytes(string path, out ReadingProblem? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        error = null;
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error = ReadingProblem.OfWhole(ImportMessages.FileNotFound);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = ReadingProblem.OfWhole(string.Format(CultureInfo.CurrentCulture, ImportMessages.FileUnreadable, e.Message));
        }

        return null;
    }

    /// <summary>
    /// The document in <paramref name="utf8Json"/>, or <see langword="null"/> and the one error that
    /// stopped the serializer (blank input, malformed JSON, an unknown or repeated field, a wrong type).
    /// </summary>
    public static T? Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> type, out ReadingProblem? error)
        where T : class
    {
        utf8Json = WithoutByteOrderMark(utf8Json);
        error = null;
        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            error = ReadingProblem.OfWhole(ImportMessages.FileEmpty);
            return null;
        }

        T? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, type);
        }
        catch (JsonException e)
        {
            error = Describe(e);
            return null;
        }

        if (document is null)
        {
            error = ReadingProblem.OfWhole(ImportMessages.NotAnObject);
        }

        return document;
    }

    /// <summary>The JSON without the byte-order mark Notepad and friends start UTF-8 files with; it is not JSON.</summary>
    public static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> utf8Json) =>
        utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;

    private static ReadingProblem Describe(JsonException e)
    {
        long? line = e.LineNumber is { } zeroBased ? zeroBased + 1 : null;
        var field = FieldOf(e.Path);
        if (e.InnerException?.GetType().Name == "JsonReaderException")
        {
            return new ReadingProblem(SourceLocation.InJson(field, line), ImportMessages.MalformedJson);
        }

        if (e.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return new ReadingProblem(SourceLocation.InJson(field, line), ImportMessages.DuplicateField);
        }

        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var name = field is null ? "?" : field[(field.LastIndexOf('.') + 1)..];
            return new ReadingProblem(SourceLocation.InJson(field, line), string.Format(CultureInfo.CurrentCulture, ImportMessages.UnknownField, name));
        }

        if (field is null)
        {
            return new ReadingProblem(SourceLocation.InJson(null, line), ImportMessages.NotAnObject);
        }

        // The field's own name says what it should have held; the names of every file format are here.
        var leaf = field[(field.LastIndexOf('.') + 1)..];
        var message = leaf switch
        {
            "contractDate" or "date" or "dueDate" => ImportMessages.InvalidDate,
            "principal" or "received" or "amount" or "interest" or "fees" or "total" or "value" or "monthly" or "version"
                => ImportMessages.InvalidNumber,
            "id" or "name" or "kind" or "per" or "method" or "format" or "title" or "phone" or "idNumber" or "notes"
                => ImportMessages.InvalidText,
            "upfrontFees" or "schedule" or "payments" or "budget" or "loans" => ImportMessages.InvalidList,
            "lender" or "stated" or "case" or "borrower" => ImportMessages.NotAnObject,
            _ => ImportMessages.InvalidValue,
        };
        return new ReadingProblem(SourceLocation.InJson(field, line), message);
    }

    /// <summary>"$.schedule[2].dueDate" → "schedule[2].dueDate"; "$" → null.</summary>
    private static string? FieldOf(string? path) => path is null || path.Length <= 2 ? null : path[2..];
}
