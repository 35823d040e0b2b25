using System.Text;
using System.Text.Unicode;
using DebtShield.Import.Resources;

namespace DebtShield.Import.LoanTables;

/// <summary>
/// The records of a CSV file (RFC 4180: comma-separated, fields optionally in double quotes,
/// <c>""</c> for a quote inside one, CRLF or LF line ends, line breaks allowed inside quotes).
/// </summary>
/// <remarks>
/// Rows are numbered by record, not by physical line, so a quoted cell spanning two lines does
/// not shift the row numbers away from the ones a spreadsheet shows. Text is UTF-8 (with or
/// without a byte-order mark); a file that is not UTF-8 at all is decoded as GB18030, the
/// encoding Chinese Excel saves "CSV" in. A file that is UTF-8 but for a few bytes (a damaged
/// or cut copy) is refused with the first bad byte named, never decoded whole as GB18030: that
/// would turn every Chinese character into mojibake, which the evidence chain would keep forever.
/// </remarks>
internal static class CsvRows
{
    /// <summary>
    /// How many valid multi-byte UTF-8 characters per invalid sequence make a file "UTF-8 with
    /// damage" rather than another encoding. GB18030 Chinese read as UTF-8 is mostly invalid (its
    /// trail bytes are rarely continuation bytes): well under one valid character per invalid one.
    /// </summary>
    private const int Utf8CharactersPerDamage = 8;

    /// <summary>Decodes a text file's bytes: UTF-8 when valid, GB18030 when the file is not UTF-8.</summary>
    /// <exception cref="DamagedUtf8Exception">The file is UTF-8 with a few invalid bytes.</exception>
    public static string Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        var bom = span.StartsWith("\uFEFF"u8);
        if (bom)
        {
            span = span[3..];
        }

        if (Utf8.IsValid(span))
        {
            return Encoding.UTF8.GetString(span);
        }

        var (characters, damaged, first) = Utf8Census(span);
        if (bom || (characters > 0 && characters >= damaged * Utf8CharactersPerDamage))
        {
            var offset = first + (bom ? 3 : 0);
            throw new DamagedUtf8Exception(span[..first].Count((byte)'\n') + 1, offset, damaged);
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetString(span);
    }

    /// <summary>Valid multi-byte characters, invalid sequences and where the first invalid one starts.</summary>
    private static (int Characters, int Damaged, int First) Utf8Census(ReadOnlySpan<byte> span)
    {
        var (characters, damaged, first) = (0, 0, -1);
        var position = 0;
        while (position < span.Length)
        {
            var status = Rune.DecodeFromUtf8(span[position..], out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                characters += consumed > 1 ? 1 : 0;
            }
            else
            {
                damaged++;
                first = first < 0 ? position : first;
            }

            position += Math.Max(1, consumed);
        }

        return (characters, damaged, first);
    }

    /// <summary>
    /// The most cells a record may hold. A loan table has a dozen columns and the phone-record CSV
    /// seven; a record of 10 million empty cells would otherwise take gigabytes. A longer record is
    /// a problem of its row, and only its first cells are kept.
    /// </summary>
    public const int MaxColumns = 1_000;

    /// <summary>The longest cell, in characters (an SMS is at most a few thousand).</summary>
    public const int MaxCellCharacters = 100_000;

    /// <summary>Every record of <paramref name="text"/>; the cell list is reused from row to row.</summary>
    public static IEnumerable<TableRow> Read(string text)
    {
        var cells = new List<TableCell>();
        var quoted = new StringBuilder();
        var pos = 0;
        var row = 0;
        while (pos < text.Length)
        {
            row++;
            cells.Clear();
            string? problem = null;
            while (true)
            {
                string value;
                if (pos < text.Length && text[pos] == '"')
                {
                    quoted.Clear();
                    pos++;
                    var closed = false;
                    while (pos < text.Length)
                    {
                        var c = text[pos++];
                        if (quoted.Length > MaxCellCharacters)
                        {
                            // Too long to keep: read on to the closing quote, keeping nothing more.
                            problem ??= string.Format(System.Globalization.CultureInfo.CurrentCulture, ImportMessages.Table_CellTooLong, MaxCellCharacters);
                        }

                        if (c != '"')
                        {
                            if (problem is null)
                            {
                                quoted.Append(c);
                            }
                        }
                        else if (pos < text.Length && text[pos] == '"')
                        {
                            quoted.Append('"');
                            pos++;
                        }
                        else
                        {
                            closed = true;
                            break;
                        }
                    }

                    value = quoted.ToString();
                    if (!closed || (pos < text.Length && text[pos] is not (',' or '\r' or '\n')))
                    {
                        problem = ImportMessages.Table_BadQuotes;
                        pos = closed ? SkipLine(text, pos) : text.Length;
                        break;
                    }

                    if (problem is not null)
                    {
                        pos = SkipLine(text, pos);
                        break;
                    }
                }
                else
                {
                    var end = text.AsSpan(pos).IndexOfAny(',', '\r', '\n');
                    end = end < 0 ? text.Length : pos + end;
                    if (end - pos > MaxCellCharacters)
                    {
                        problem = string.Format(System.Globalization.CultureInfo.CurrentCulture, ImportMessages.Table_CellTooLong, MaxCellCharacters);
                        pos = SkipLine(text, pos);
                        break;
                    }

                    value = end == pos ? string.Empty : text[pos..end];
                    pos = end;
                }

                if (cells.Count == MaxColumns)
                {
                    problem = string.Format(System.Globalization.CultureInfo.CurrentCulture, ImportMessages.Table_TooManyColumns, MaxColumns);
                    pos = SkipLine(text, pos);
                    break;
                }

                cells.Add(new TableCell(value, TableCellKind.Text));
                if (pos < text.Length && text[pos] == ',')
                {
                    pos++;
                    continue;
                }

                pos = SkipLineEnd(text, pos);
                break;
            }

            yield return new TableRow(row, cells, problem);
        }
    }

    private static int SkipLine(string text, int pos)
    {
        var end = text.AsSpan(pos).IndexOfAny('\r', '\n');
        return SkipLineEnd(text, end < 0 ? text.Length : pos + end);
    }

    private static int SkipLineEnd(string text, int pos)
    {
        if (pos < text.Length && text[pos] == '\r')
        {
            pos++;
        }

        if (pos < text.Length && text[pos] == '\n')
        {
            pos++;
        }

        return pos;
    }
}

/// <summary>A text file is UTF-8 except for some bytes: it is refused rather than decoded as something else.</summary>
/// <param name="line">The line of the first invalid byte, from 1.</param>
/// <param name="byteOffset">The first invalid byte's offset from the start of the file.</param>
/// <param name="sequences">How many invalid byte sequences the file holds.</param>
internal sealed class DamagedUtf8Exception(long line, long byteOffset, int sequences) : Exception("Damaged UTF-8 at byte " + byteOffset)
{
    /// <summary>The line of the first invalid byte, from 1.</summary>
    public long Line { get; } = line;

    /// <summary>The first invalid byte's offset from the start of the file.</summary>
    public long ByteOffset { get; } = byteOffset;

    /// <summary>How many invalid byte sequences the file holds.</summary>
    public int Sequences { get; } = sequences;

    /// <summary>The refusal in the user's words.</summary>
    public string Describe() => string.Format(System.Globalization.CultureInfo.CurrentCulture, Resources.ImportMessages.Text_DamagedUtf8, Line, ByteOffset, Sequences);
}
