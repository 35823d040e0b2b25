using System.Text.Json;
using System.Text.Json.Serialization;
using DebtShield.Core.Reading;

namespace DebtShield.App.Input;

/// <summary>
/// A <see cref="ReadingProblem"/> in JSON, flat, with only the parts of its location it has:
/// a backup's record <c>{line, reason}</c>, its break <c>{line, byteOffset, reason}</c>, a damaged
/// database <c>{database, recordsRead, reason}</c>, a loan file's <c>{field, line, reason}</c>, a
/// table's <c>{row, column, reason}</c>, a pasted line's <c>{line, text, reason}</c>, a letter
/// template's <c>{line, character, reason}</c>.
/// </summary>
/// <remarks>
/// Written by hand rather than from the record's shape: the location is one object in C# (so a
/// column cannot be held without its row) and flat on the wire (the names the API has always
/// written). Read back through the location's factories, so JSON that names an impossible
/// location (a column without a row) is refused as the type refuses it.
/// </remarks>
public sealed class ReadingProblemJson : JsonConverter<ReadingProblem>
{
    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ReadingProblem value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var at = value.Location;
        writer.WriteStartObject();
        if (at.Database is { } database)
        {
            writer.WriteString("database", database);
        }

        if (at.RecordsRead is { } recordsRead)
        {
            writer.WriteNumber("recordsRead", recordsRead);
        }

        if (at.Field is { } field)
        {
            writer.WriteString("field", field);
        }

        if (at.Row is { } row)
        {
            writer.WriteNumber("row", row);
        }

        if (at.Column is { } column)
        {
            writer.WriteString("column", column);
        }

        if (at.Line is { } line)
        {
            writer.WriteNumber("line", line);
        }

        if (at.ByteOffset is { } byteOffset)
        {
            writer.WriteNumber("byteOffset", byteOffset);
        }

        if (at.Character is { } character)
        {
            writer.WriteNumber("character", character);
        }

        if (at.Text is { } text)
        {
            writer.WriteString("text", text);
        }

        writer.WriteString("reason", value.Message);
        writer.WriteEndObject();
    }

    /// <inheritdoc/>
    public override ReadingProblem Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A reading problem is a JSON object.");
        }

        string? database = null, field = null, column = null, text = null, reason = null;
        int? recordsRead = null, row = null, character = null;
        long? line = null, byteOffset = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "database": database = reader.GetString(); break;
                case "recordsRead": recordsRead = reader.GetInt32(); break;
                case "field": field = reader.GetString(); break;
                case "row": row = reader.GetInt32(); break;
                case "column": column = reader.GetString(); break;
                case "line": line = reader.GetInt64(); break;
                case "byteOffset": byteOffset = reader.GetInt64(); break;
                case "character": character = reader.GetInt32(); break;
                case "text": text = reader.GetString(); break;
                case "reason": reason = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }

        try
        {
            var location = (database, recordsRead, row, column, line, byteOffset, text) switch
            {
                _ when character is { } c => (database, recordsRead, row, column, line, byteOffset, text, field) is (null, null, null, null, { } l, null, null, null)
                    ? SourceLocation.AtCharacter(l, c)
                    : throw new JsonException("A reading problem's location has parts that do not go together."),
                ({ } d, { } n, null, null, null, null, null) when field is null => SourceLocation.InDatabase(d, n),
                (null, null, { } r, null, null, null, null) when field is null => SourceLocation.AtRow(r),
                (null, null, { } r, { } c, null, null, null) when field is null => SourceLocation.AtCell(r, c),
                (null, null, null, null, { } l, { } b, null) when field is null => SourceLocation.AtLine(l, b),
                (null, null, null, null, { } l, null, { } t) when field is null => SourceLocation.AtLine(l, t),
                (null, null, null, null, _, null, null) => SourceLocation.InJson(field, line),
                _ => throw new JsonException("A reading problem's location has parts that do not go together."),
            };
            return new ReadingProblem(location, reason ?? throw new JsonException("A reading problem has no reason."));
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }
}
