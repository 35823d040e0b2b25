using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DebtShield.Core.Reading;

namespace DebtShield.Import.CaseFiles;

/// <summary>
/// The line each field of a JSON file starts on, so that an error found after reading (a blank
/// title, a loan whose dates are out of order) still tells the person which line to look at.
/// </summary>
internal sealed class JsonFieldLines
{
    private readonly Dictionary<string, long> lines = new(StringComparer.Ordinal);

    /// <summary>Walks well-formed JSON once, noting the 1-based line of every field and list item.</summary>
    public JsonFieldLines(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        var containers = new Stack<Container>();
        string? property = null;
        long line = 1;
        var counted = 0;
        while (reader.Read())
        {
            var start = checked((int)reader.TokenStartIndex);
            line += utf8Json[counted..start].Count((byte)'\n');
            counted = start;

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                containers.Pop();
                continue;
            }

            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                var parent = containers.Peek().Path;
                var name = PropertyName(ref reader);
                property = parent.Length == 0 ? name : parent + "." + name;
                lines.TryAdd(property, line);
                continue;
            }

            string path;
            if (containers.TryPeek(out var array) && array.IsArray)
            {
                path = string.Create(CultureInfo.InvariantCulture, $"{array.Path}[{array.Count}]");
                containers.Pop();
                containers.Push(array with { Count = array.Count + 1 });
                lines.TryAdd(path, line);
            }
            else
            {
                path = property ?? string.Empty;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Push(new Container(path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }
    }

    /// <summary>The error with its line filled in from its field (or the nearest enclosing field that is in the file), when it has none.</summary>
    public ReadingProblem Locate(ReadingProblem error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Location.Line is not null || error.Location.Field is not { } field)
        {
            return error;
        }

        while (field.Length > 0)
        {
            if (lines.TryGetValue(field, out var line))
            {
                return new ReadingProblem(SourceLocation.AtField(error.Location.Field, line), error.Message);
            }

            field = field[..Math.Max(0, field.LastIndexOfAny(['.', '[']))];
        }

        return error;
    }

    private readonly record struct Container(string Path, bool IsArray, int Count);

    /// <summary>
    /// A property's name. The serializer skips the names it does not know without checking their
    /// UTF-8, so a name with a bad byte reaches here (found by fuzzing): it is decoded leniently,
    /// since it only places an error, and the error names what is wrong.
    /// </summary>
    private static string PropertyName(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
        }
    }
}
