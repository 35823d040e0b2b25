using System.Text;

namespace DebtShield.Core.Lenders;

/// <summary>
/// The one normal form lender names are compared in: letter case and full-width forms folded,
/// spaces and punctuation dropped, the company-form suffixes (有限公司, 股份有限公司, 有限责任公司,
/// 股份公司, 公司) removed, and the common abbreviation 消金 read as 消费金融.
/// </summary>
/// <remarks>
/// Deliberately no edit distance, no pinyin and no partial matching: "招联金融服务有限公司" or
/// "平安普惠" must not become a licensed company because they look alike. Near names are offered
/// as suggestions only.
/// </remarks>
public static class LenderName
{
    private static readonly string[] Suffixes = ["股份有限公司", "有限责任公司", "有限公司", "股份公司", "公司"];

    /// <summary>The normal form of <paramref name="name"/>; empty when nothing is left.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in TextFolding.Fold(name))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        var key = builder.ToString();
        var trimmed = true;
        while (trimmed)
        {
            trimmed = false;
            foreach (var suffix in Suffixes)
            {
                if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal))
                {
                    key = key[..^suffix.Length];
                    trimmed = true;
                }
            }
        }

        return key.Replace("消金", "消费金融", StringComparison.Ordinal);
    }

    /// <summary>The Levenshtein distance between two keys, capped at <paramref name="limit"/> + 1 (for suggestions only).</summary>
    public static int Distance(string a, string b, int limit) => EditDistance.Capped(a, b, limit);
}
