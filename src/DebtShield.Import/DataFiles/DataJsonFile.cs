using System.Globalization;
using System.Text;
using System.Text.Json;
using DebtShield.Core.Law;
using DebtShield.Core.Reading;
using DebtShield.Import.CaseFiles;

namespace DebtShield.Import.DataFiles;

/// <summary>
/// A JSON data file of the repository (<c>data/lenders/licensed.json</c>, <c>data/guide/hotlines.json</c>,
/// <c>data/law/caps.json</c>) read field by field, each value knowing its path
/// (<c>institutions[3].kind</c>), so that a field that is missing, or holds what the reader does not
/// know, is a <see cref="DataFileException"/> naming the file, the line and the field:
/// <c>licensed.json:42: institutions[3].kind: not a lender kind: casino</c>.
/// </summary>
/// <remarks>
/// The readers used to walk <see cref="JsonDocument"/> themselves, and a missing field came out as the
/// framework's "the given key was not present", with no file, line or field.
/// </remarks>
internal sealed class DataJsonFile : IDisposable
{
    private readonly JsonDocument _document;
    private readonly JsonFieldLines _lines;

    private DataJsonFile(string name, JsonDocument document, JsonFieldLines lines)
    {
        Name = name;
        _document = document;
        _lines = lines;
    }

    /// <summary>The file's name, as its problems name it (<c>licensed.json</c>).</summary>
    public string Name { get; }

    /// <summary>The top-level object.</summary>
    public DataJsonValue Root => new(this, _document.RootElement, "");

    /// <summary>Reads <paramref name="json"/>, the text of the file <paramref name="name"/>.</summary>
    /// <exception cref="DataFileException">The text is not well-formed JSON; the problem names the line.</exception>
    public static DataJsonFile Parse(string name, string json)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(json);
        var utf8 = Encoding.UTF8.GetBytes(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            var at = e.LineNumber is { } line ? SourceLocation.AtLine(line + 1) : SourceLocation.Whole;
            throw new DataFileException(name, new ReadingProblem(at, "not well-formed JSON"), e);
        }

        return new DataJsonFile(name, document, new JsonFieldLines(utf8));
    }

    /// <summary>A problem of the value at <paramref name="path"/>, with the line it is on.</summary>
    public DataFileException Problem(string path, string message) =>
        new(Name, _lines.Locate(new ReadingProblem(path.Length == 0 ? SourceLocation.Whole : SourceLocation.AtField(path), message)));

    /// <inheritdoc/>
    public void Dispose() => _document.Dispose();
}

/// <summary>One value of a <see cref="DataJsonFile"/>, with its path.</summary>
internal readonly struct DataJsonValue
{
    private readonly DataJsonFile _file;

    internal DataJsonValue(DataJsonFile file, JsonElement element, string path)
    {
        _file = file;
        Element = element;
        Path = path;
    }

    /// <summary>The value.</summary>
    public JsonElement Element { get; }

    /// <summary>Where it is: <c>institutions[3].kind</c>.</summary>
    public string Path { get; }

    /// <summary>Whether the value is JSON's <c>null</c>.</summary>
    public bool IsNull => Element.ValueKind == JsonValueKind.Null;

    /// <summary>The field <paramref name="name"/> of this object.</summary>
    /// <exception cref="DataFileException">This is not an object, or it has no such field.</exception>
    public DataJsonValue this[string name] =>
        Optional(name) ?? throw Problem(Element.ValueKind == JsonValueKind.Object ? "lacks the field " + name : "expected an object");

    /// <summary>The field <paramref name="name"/> of this object, or <see langword="null"/> when it has none.</summary>
    /// <exception cref="DataFileException">This is not an object.</exception>
    public DataJsonValue? Optional(string name)
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw Problem("expected an object");
        }

        return Element.TryGetProperty(name, out var value) ? new DataJsonValue(_file, value, Path.Length == 0 ? name : Path + "." + name) : null;
    }

    /// <summary>The text of this string.</summary>
    /// <exception cref="DataFileException">This is not a string.</exception>
    public string String() =>
        Element.ValueKind == JsonValueKind.String ? Element.GetString()! : throw Problem("expected a string");

    /// <summary>The text of this string, or <see langword="null"/> for JSON's <c>null</c>.</summary>
    /// <exception cref="DataFileException">This is neither.</exception>
    public string? StringOrNull() => IsNull ? null : String();

    /// <summary>The items of this array, each with its path (<c>institutions[3]</c>).</summary>
    /// <exception cref="DataFileException">This is not an array.</exception>
    public IEnumerable<DataJsonValue> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            throw Problem("expected a list");
        }

        var file = _file;
        var path = Path;
        return Element.EnumerateArray().Select((item, i) => new DataJsonValue(file, item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")));
    }

    /// <summary>The texts of this array of strings.</summary>
    /// <exception cref="DataFileException">This is not an array of strings.</exception>
    public string[] Strings() => [.. Items().Select(i => i.String())];

    /// <summary>The fields of this object, by name.</summary>
    /// <exception cref="DataFileException">This is not an object.</exception>
    public IEnumerable<(string Name, DataJsonValue Value)> Fields()
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw Problem("expected an object");
        }

        var file = _file;
        var path = Path;
        return Element.EnumerateObject().Select(p => (p.Name, new DataJsonValue(file, p.Value, path.Length == 0 ? p.Name : path + "." + p.Name)));
    }

    /// <summary>How well a fact is checked, as the data files write it (<c>verified</c>, <c>secondary</c>, <c>uncertain</c>).</summary>
    /// <exception cref="DataFileException">The value is none of them.</exception>
    public FactStatus Status()
    {
        var text = String();
        foreach (var status in (ReadOnlySpan<FactStatus>)[FactStatus.Verified, FactStatus.Secondary, FactStatus.Uncertain])
        {
            if (LegalWireIds.Of(status) == text)
            {
                return status;
            }
        }

        throw Problem("unknown status " + text);
    }

    /// <summary>This number, exactly as written (rates and amounts are decimals).</summary>
    /// <exception cref="DataFileException">This is not a number a decimal holds.</exception>
    public decimal Decimal() =>
        Element.ValueKind == JsonValueKind.Number && Element.TryGetDecimal(out var value) ? value : throw Problem("expected a number");

    /// <summary>This whole number.</summary>
    /// <exception cref="DataFileException">This is not a whole number.</exception>
    public int Int32() =>
        Element.ValueKind == JsonValueKind.Number && Element.TryGetInt32(out var value) ? value : throw Problem("expected a whole number");

    /// <summary>This <c>true</c> or <c>false</c>.</summary>
    /// <exception cref="DataFileException">This is neither.</exception>
    public bool Boolean() => Element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Problem("expected true or false"),
    };

    /// <summary>A date written <c>yyyy-MM-dd</c>.</summary>
    /// <exception cref="DataFileException">The value is not such a date.</exception>
    public DateOnly Date() =>
        DateOnly.TryParseExact(String(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Problem("expected a date written yyyy-MM-dd");

    /// <summary>A problem of this value, naming the file, its line and its path.</summary>
    public DataFileException Problem(string message) => _file.Problem(Path, message);
}
