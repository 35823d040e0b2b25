namespace DebtShield.Core;

/// <summary>
/// The one folding applied before matching what people paste (clauses, offers, lender names), to
/// patterns and text alike, character for character so that positions in the folded text are
/// positions in the original: full-width forms become ASCII, the ideographic space a space,
/// letters lower case.
/// </summary>
public static class TextFolding
{
    /// <summary>Folds <paramref name="text"/>; the result has the same length.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                if (c is >= '！' and <= '～')
                {
                    c = (char)(c - 0xFEE0);
                }
                else if (c == '\u3000')
                {
                    c = ' ';
                }

                span[i] = char.ToLowerInvariant(c);
            }
        });
    }
}
