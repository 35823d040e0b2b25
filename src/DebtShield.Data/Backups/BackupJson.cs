using System.Text.Json;

namespace DebtShield.Data.Backups;

/// <summary>
/// A backup's JSON read forward, one value at a time, through a buffer that holds one whole row at
/// most: a backup of any size restores in memory bounded by its largest row, and a value larger
/// than <see cref="LargestValue"/> (a gzip "bomb" unpacking into one endless string) is refused
/// once the buffer reaches it, before it is ever built.
/// </summary>
/// <remarks>
/// <see cref="Utf8JsonReader"/> is a stack-only type: each step makes a reader over what the buffer
/// holds, resumes from the state the last step left, and reads more only when a token or a row
/// does not end inside the buffer.
/// </remarks>
internal sealed class BackupJson(Stream source)
{
    /// <summary>
    /// The largest row, 192 MiB of JSON: an attachment of 128 MiB (the most a phone backup's file is
    /// read to) in base64 with its fields. The buffer never grows past it.
    /// </summary>
    public const int LargestValue = 192 * 1024 * 1024;

    private byte[] buffer = new byte[1 << 16];
    private int begin;
    private int end;
    private bool final;
    private JsonReaderState state;

    /// <summary>The next token; for a property name or a string, its text too.</summary>
    /// <exception cref="JsonException">The JSON is broken or ends early.</exception>
    public JsonTokenType Next(out string? text)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(begin, end - begin), final, state);
            if (reader.Read())
            {
                text = reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
                Consume(reader);
                return reader.TokenType;
            }

            Fill();
        }
    }

    /// <summary>The next value (after a property name) read whole as <typeparamref name="T"/>.</summary>
    public T? Value<T>(JsonSerializerOptions options) => TryElement<T>(options, out var value) ? value : throw new JsonException("A value was expected.");

    /// <summary>
    /// Inside an array: the next element read whole as <typeparamref name="T"/>, or false at the
    /// array's end (which is then consumed).
    /// </summary>
    /// <exception cref="JsonException">The JSON is broken, ends early, or a value is larger than <see cref="LargestValue"/>.</exception>
    public bool TryElement<T>(JsonSerializerOptions options, out T? value)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(begin, end - begin), final, state);
            if (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    Consume(reader);
                    value = default;
                    return false;
                }

                var whole = reader;
                if (reader.TrySkip())
                {
                    value = JsonSerializer.Deserialize<T>(ref whole, options);
                    Consume(whole);
                    return true;
                }
            }

            Fill();
        }
    }

    private void Consume(in Utf8JsonReader reader)
    {
        begin += checked((int)reader.BytesConsumed);
        state = reader.CurrentState;
    }

    /// <summary>Reads more, keeping what is not consumed; grows the buffer up to <see cref="LargestValue"/> when it is full.</summary>
    private void Fill()
    {
        if (final)
        {
            throw new JsonException("The backup ends early.");
        }

        var held = end - begin;
        if (held == buffer.Length)
        {
            if (buffer.Length >= LargestValue)
            {
                throw new BackupValueTooLargeException();
            }

            var larger = new byte[Math.Min((long)buffer.Length * 2, LargestValue)];
            buffer.AsSpan(begin, held).CopyTo(larger);
            buffer = larger;
        }
        else if (begin > 0)
        {
            buffer.AsSpan(begin, held).CopyTo(buffer);
        }

        begin = 0;
        end = held;
        var read = source.Read(buffer, end, buffer.Length - end);
        end += read;
        final = read == 0;
    }
}

/// <summary>One value of a backup is larger than any row a backup writes.</summary>
internal sealed class BackupValueTooLargeException() : JsonException($"A value is larger than {BackupJson.LargestValue / (1024 * 1024)} MiB.");
