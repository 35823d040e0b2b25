namespace DebtShield.Core.Evidence;

/// <summary>
/// The one written form of a phone number, so the same collector is recognised however a phone
/// or the borrower wrote it: "+86 138-0013-8000", "0086 13800138000" and "13800138000" are one
/// number. Service numbers (106…, 95…) and landlines keep their digits.
/// </summary>
public static class PhoneNumber
{
    /// <summary>
    /// The normalised number: separators removed, a +86 / 0086 / 86 country prefix removed before
    /// an 11-digit mobile number; null when <paramref name="text"/> holds no digit.
    /// </summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        Span<char> digits = stackalloc char[Math.Min(text.Length, 64)];
        var length = 0;
        var plus = false;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9' && length < digits.Length)
            {
                digits[length++] = c;
            }
            else if (c == '+' && length == 0)
            {
                plus = true;
            }
            else if (c is not (' ' or '-' or '(' or ')' or '.' or '\u00a0'))
            {
                // Not a number at all (a WeChat name, "未知号码"): keep it as written, trimmed.
                return text.Trim();
            }
        }

        if (length == 0)
        {
            return text.Trim();
        }

        var number = digits[..length];
        if (number.Length == 15 && number.StartsWith("0086") && number[4] == '1')
        {
            number = number[4..];
        }
        else if (number.Length == 13 && number.StartsWith("86") && number[2] == '1')
        {
            number = number[2..];
        }
        else if (plus && !number.StartsWith("86"))
        {
            return "+" + number.ToString();
        }

        return number.ToString();
    }
}
