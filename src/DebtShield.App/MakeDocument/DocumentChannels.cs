using DebtShield.App.ListLoans;
using DebtShield.Core.Law;
using DebtShield.Core.Vocabulary;
using DebtShield.Import.Guide;

namespace DebtShield.App.MakeDocument;

/// <summary>
/// Where a document about one lender goes, as the documents page shows it before anything is
/// written: a complaint to the wrong regulator is the commonest reason one is ignored.
/// </summary>
/// <param name="Lender">The lender as the case names it.</param>
/// <param name="Number">The channel's number, such as 12378; null when this lender has none.</param>
/// <param name="Name">The channel's name in the reader's language; null when this lender has none.</param>
/// <param name="Why">Why this channel, or why there is none, in the reader's language.</param>
/// <param name="Status">How well the routing is established, in words (已核实, 二手资料, 待核实); null when there is no channel.</param>
public sealed record LenderChannel(string Lender, string? Number, string? Name, string Why, string? Status);

/// <summary>The channel of a document for each lender of a case.</summary>
public static class DocumentChannels
{
    /// <summary>
    /// One line per lender of <paramref name="loans"/>, for the document <paramref name="documentKind"/>;
    /// empty when that document's channel does not depend on the lender.
    /// </summary>
    public static IReadOnlyList<LenderChannel> For(string documentKind, IEnumerable<LoanListEntry> loans)
    {
        ArgumentNullException.ThrowIfNull(loans);
        var english = CheckWording.English;
        var lines = new List<LenderChannel>();
        foreach (var loan in loans.DistinctBy(l => l.Lender, StringComparer.Ordinal))
        {
            var kind = Vocabularies.LenderKinds.Parse(loan.LenderKind) ?? Core.Loans.LenderKind.Unknown;
            var route = MakeDocument.RouteFor(documentKind, kind, out var dependsOnLender);
            if (!dependsOnLender)
            {
                return [];
            }

            if (route is null)
            {
                lines.Add(new(loan.Lender, null, null, Resources.DocumentText.Channel_NoRegulator, null));
                continue;
            }

            var (hotline, status) = Resolve(route);
            lines.Add(new(
                loan.Lender,
                hotline?.Number,
                english ? hotline?.EnglishName : hotline?.ChineseName,
                english ? route.EnglishWhy : route.ChineseWhy,
                ReadGuide.ReadGuide.StatusWord(status, System.Globalization.CultureInfo.CurrentUICulture)));
        }

        return lines;
    }

    /// <summary>
    /// The hotline <paramref name="route"/> names, and how well the two are established together:
    /// the weaker of the route's status and the hotline's, which is what a document and the page
    /// must say about the channel.
    /// </summary>
    internal static (Hotline? Hotline, FactStatus Status) Resolve(ComplaintRoute route)
    {
        var hotline = GuideLibrary.Hotlines.FirstOrDefault(h => h.Id == route.HotlineId);
        return (hotline, (FactStatus)Math.Max((int)route.Status, (int)(hotline?.Status ?? FactStatus.Verified)));
    }
}
