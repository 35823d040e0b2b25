using System.Text;
using System.Text.Encodings.Web;

namespace DebtShield.App.RateLoans;

/// <summary>
/// A worded template such as <c>实际年化利率（IRR）{0}</c>, read once into UTF-8 runs of its
/// fixed text and the argument each hole takes, and filled at write time into a byte buffer: a
/// batch words millions of verdicts and notes without a string, a composite-format parse or a
/// transcoding of its fixed text.
/// </summary>
/// <remarks>
/// Only what the reports' templates use is accepted: holes <c>{0}</c> to <c>{2}</c> (to
/// <c>{9}</c> when asked, for the legal report's steps) in any order, and <c>{{</c> / <c>}}</c>
/// for a brace. The text comes out as
/// <see cref="string.Format(IFormatProvider, string, object[])"/> with the invariant culture
/// writes it, which is how the batch command formats.
/// </remarks>
internal sealed class Utf8Template
{
    private readonly byte[][] _runs;
    private readonly int[] _holes;

    private Utf8Template(byte[][] runs, int[] holes)
    {
        _runs = runs;
        _holes = holes;
    }

    /// <summary>Reads <paramref name="template"/>; a hole other than <c>{0}</c>–<c>{2}</c> is a bug in the resources.</summary>
    public static Utf8Template Parse(string template) => Parse(template, lastHole: 2);

    /// <summary>
    /// Reads <paramref name="template"/>, whose holes may go up to <paramref name="lastHole"/>
    /// (at most 9); any other is a bug in the resources.
    /// </summary>
    public static Utf8Template Parse(string template, int lastHole)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentOutOfRangeException.ThrowIfNegative(lastHole);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastHole, 9);
        var runs = new List<byte[]>();
        var holes = new List<int>();
        var run = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                run.Append(c);
                i++;
            }
            else if (c == '{' && i + 2 < template.Length && template[i + 1] >= '0' && template[i + 1] - '0' <= lastHole && template[i + 2] == '}')
            {
                runs.Add(Encoding.UTF8.GetBytes(run.ToString()));
                run.Clear();
                holes.Add(template[i + 1] - '0');
                i += 2;
            }
            else if (c is '{' or '}')
            {
                throw new FormatException($"A report template may hold only {{0}} to {{{lastHole}}}: \"{template}\".");
            }
            else
            {
                run.Append(c);
            }
        }

        runs.Add(Encoding.UTF8.GetBytes(run.ToString()));
        return new Utf8Template([.. runs], [.. holes]);
    }

    /// <summary>
    /// True when <paramref name="encoder"/> writes every fixed run of the template as it is, so
    /// that a JSON string of the filled text needs escaping only where a hole's value does.
    /// </summary>
    public bool IsWrittenAsIs(JavaScriptEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        return _runs.All(run => encoder.FindFirstCharacterToEncodeUtf8(run) < 0);
    }

    /// <summary>Fills the template into <paramref name="destination"/>; false when it does not fit.</summary>
    public bool TryFill<T0, T1, T2>(Span<byte> destination, out int written, T0 first, T1 second = default!, T2 third = default!)
        where T0 : IUtf8SpanFormattable
        where T1 : IUtf8SpanFormattable
        where T2 : IUtf8SpanFormattable
    {
        written = 0;
        for (var i = 0; i < _runs.Length; i++)
        {
            if (!_runs[i].AsSpan().TryCopyTo(destination[written..]))
            {
                return false;
            }

            written += _runs[i].Length;
            if (i == _holes.Length)
            {
                break;
            }

            int length;
            var fits = _holes[i] switch
            {
                0 => first.TryFormat(destination[written..], out length, default, null),
                1 => second.TryFormat(destination[written..], out length, default, null),
                _ => third.TryFormat(destination[written..], out length, default, null),
            };
            if (!fits)
            {
                return false;
            }

            written += length;
        }

        return true;
    }

    /// <summary>
    /// Appends the template to <paramref name="text"/>, hole <c>{n}</c> taking the bytes
    /// <paramref name="values"/>[<paramref name="ranges"/>[n]]: values formatted once, in any
    /// number, then placed in the order the language puts them.
    /// </summary>
    public void AppendTo(ref Utf8Builder text, scoped ReadOnlySpan<byte> values, scoped ReadOnlySpan<Range> ranges)
    {
        for (var i = 0; i < _runs.Length; i++)
        {
            text.Append(_runs[i]);
            if (i < _holes.Length)
            {
                text.Append(values[ranges[_holes[i]]]);
            }
        }
    }
}

/// <summary>Fixed text already in UTF-8, to fill a <see cref="Utf8Template"/>'s hole with.</summary>
/// <param name="Utf8">The text's bytes.</param>
internal readonly record struct Utf8Text(byte[] Utf8) : IUtf8SpanFormattable
{
    /// <summary>The text of <paramref name="text"/>, encoded once.</summary>
    public static Utf8Text Of(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <inheritdoc/>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        bytesWritten = Utf8.AsSpan().TryCopyTo(utf8Destination) ? Utf8.Length : 0;
        return bytesWritten == Utf8.Length;
    }
}
