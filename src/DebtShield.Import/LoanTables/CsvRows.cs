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
/// without a byte-order mark); bytes that are not valid UTF-8 are decoded as GB18030, the
/// encoding Chinese Excel saves "CSV" in.
/// </remarks>
internal static class CsvRows
{
    /// <summary>Decodes a CSV file's bytes: UTF-8 when valid, else GB18030.</summary>
    public static string Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        if (Utf8.IsValid(span))
        {
            return Encoding.UTF8.GetString(span);
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetString(span);
    }

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
                        if (c != '"')
                        {
                            quoted.Append(c);
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
                }
                else
                {
                    var end = text.AsSpan(pos).IndexOfAny(',', '\r', '\n');
                    end = end < 0 ? text.Length : pos + end;
                    value = end == pos ? string.Empty : text[pos..end];
                    pos = end;
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
