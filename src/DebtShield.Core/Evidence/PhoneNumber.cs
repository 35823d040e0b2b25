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
        else if (CountryCodeLength(number, plus) is > 0 and var prefix && IsLandlineAfterCountryCode(number[prefix..]))
        {
            // +86 10 1234 5678 is dialled at home as 010 1234 5678: the trunk 0 comes back.
            return "0" + number[prefix..].ToString();
        }
        else if (plus && !number.StartsWith("86"))
        {
            return "+" + number.ToString();
        }

        return number.ToString();
    }

    /// <summary>
    /// The numbers in a list as a person types or pastes it: one number a line, or several separated
    /// by commas (, ，), semicolons or 、, each written as the phone shows it ("171 9876 0000",
    /// "+86 171-9876-0000"). Spaces inside a number are the phone's grouping, not a separator; a run
    /// of whole numbers separated by spaces ("13800138000 13900139000") is still split, number by number.
    /// </summary>
    public static IReadOnlyList<string> ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var numbers = new List<string>();
        foreach (var piece in text.Split([',', '，', ';', '；', '、', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pending = "";
            foreach (var group in piece.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                pending = pending.Length == 0 ? group : pending + " " + group;
                if (Normalize(pending) is { } whole && IsComplete(whole))
                {
                    numbers.Add(whole);
                    pending = "";
                }
            }

            if (pending.Length > 0 && Normalize(pending) is { } rest)
            {
                numbers.Add(rest);
            }
        }

        return numbers;
    }

    /// <summary>A whole number once normalised: an 11-digit mobile, or a landline with its area code (0, not 00, and 11 or 12 digits in all).</summary>
    private static bool IsComplete(string number) =>
        (number.Length == 11 && number[0] == '1') || (number.Length is >= 11 and <= 12 && number[0] == '0' && number[1] != '0') || number.StartsWith('+');

    /// <summary>How many leading digits are China's country code (86 after a +, or 0086); 0 when none.</summary>
    private static int CountryCodeLength(ReadOnlySpan<char> number, bool plus) =>
        plus && number.StartsWith("86") ? 2 : number.StartsWith("0086") ? 4 : 0;

    /// <summary>Digits after a country code that make a Chinese landline: an area code (10, 2x, 3xx–9xx) and 7 or 8 digits.</summary>
    private static bool IsLandlineAfterCountryCode(ReadOnlySpan<char> rest) => (rest.Length is >= 9 and <= 11 && rest[0] is >= '2' and <= '9') || (rest.Length == 10 && rest.StartsWith("10"));
}
