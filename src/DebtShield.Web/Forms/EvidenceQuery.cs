using System.Globalization;
using DebtShield.App;
using DebtShield.App.ReviewEvidence;
using DebtShield.Core.Conduct;

using DebtShield.Core.Vocabulary;
using DebtShield.Web.Resources;

namespace DebtShield.Web.Forms;

/// <summary>
/// The evidence filter as a query string (<c>label</c>, <c>from</c>, <c>to</c>, <c>number</c>,
/// <c>recipient</c>, <c>all</c>, <c>page</c>), read the same way by the page and the API; a value
/// that does not read is refused with the field's name rather than ignored.
/// </summary>
public sealed record EvidenceQuery(string? Label = null, string? From = null, string? To = null, string? Number = null, string? Recipient = null, bool All = false, int? Page = null)
{
    /// <summary>Entries per page.</summary>
    public const int PageSize = 50;

    /// <summary>The page asked for, from 1.</summary>
    public int PageNumber => Page is > 0 ? Page.Value : 1;

    /// <summary>The filter.</summary>
    /// <exception cref="RequestRefusedException">A field does not read.</exception>
    public EvidenceFilter ToFilter()
    {
        ConductLabel? label = null;
        if (!string.IsNullOrEmpty(Label))
        {
            label = Vocabularies.ConductLabels.Parse(Label)
                ?? throw Refused("label", Label, string.Join(", ", Vocabularies.ConductLabels.Terms.Select(t => t.WireId)));
        }

        Recipient? recipient = string.IsNullOrEmpty(Recipient) ? null
            : Vocabularies.Recipients.Parse(Recipient) is { } named and not Core.Conduct.Recipient.Unknown ? named
            : throw Refused("recipient", Recipient, "borrower, third_party");
        return new EvidenceFilter(label, Day(From, "from"), Day(To, "to"), string.IsNullOrWhiteSpace(Number) ? null : Number, recipient, All);
    }

    private static DateOnly? Day(string? text, string field) =>
        string.IsNullOrEmpty(text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw Refused(field, text, "yyyy-MM-dd");

    private static RequestRefusedException Refused(string field, string value, string expected) =>
        new(string.Format(CultureInfo.CurrentCulture, WebText.Query_Invalid, field, value, expected));
}
