using System.Globalization;
using System.Text.Json;
using DebtShield.Core.Loans;
using DebtShield.Core.Offers;
using DebtShield.Import.Offers;
using DebtShield.Tests.Shared;
using Xunit.Abstractions;

namespace DebtShield.Import.Tests.Offers;

/// <summary>
/// The offer corpus (<c>data/offers/corpus</c>) as a test: real adverts, app screens and scripts
/// read into the facts their labels give. At least 90% of the real ones read exactly; every one
/// ends either in a complete offer or in a question, never in an error; every synthetic one reads
/// exactly. The per-field figures printed here are the ones in <c>docs/benchmarks.md</c>.
/// </summary>
public sealed class OfferCorpusTests(ITestOutputHelper output)
{
    private static readonly string[] Fields = ["amount", "limit", "arrives", "term", "instalment", "atEnd", "rate", "fees", "early"];

    private static readonly Lender Nobody = new("", LenderKind.Unknown);

    private static IReadOnlyList<JsonElement> Corpus(string file) =>
        [.. File.ReadLines(RepositoryPaths.Data("offers", "corpus", file)).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public void Read_RealOffers_AtLeastNinetyPercentReadToTheirLabelsAndEveryOneEndsInAnOfferOrAQuestion()
    {
        var corpus = Corpus("real.jsonl");
        var exact = 0;
        var right = Fields.ToDictionary(f => f, _ => 0);
        var bySplit = new Dictionary<string, (int Exact, int All)>(StringComparer.Ordinal);
        foreach (var entry in corpus)
        {
            var draft = OfferTextReader.Read(entry.GetProperty("text").GetString()!).Draft;
            var wrong = Fields.Where(f => !Same(f, draft, entry.GetProperty("gold"))).ToArray();
            foreach (var field in Fields.Except(wrong))
            {
                right[field]++;
            }

            var split = entry.GetProperty("split").GetString()!;
            var (e, a) = bySplit.GetValueOrDefault(split);
            bySplit[split] = (e + (wrong.Length == 0 ? 1 : 0), a + 1);
            exact += wrong.Length == 0 ? 1 : 0;
            if (wrong.Length > 0)
            {
                output.WriteLine($"{entry.GetProperty("id").GetString()}: {string.Join(", ", wrong)}");
            }

            Assert.True(draft.ToOffer(Nobody) is not null || draft.Questions().Count > 0, entry.GetProperty("id").GetString());
        }

        output.WriteLine($"exact {exact}/{corpus.Count}");
        foreach (var (split, (e, a)) in bySplit)
        {
            output.WriteLine($"{split}: exact {e}/{a}");
        }

        foreach (var field in Fields)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{field}: {right[field]}/{corpus.Count}"));
        }

        Assert.True(corpus.Count >= 100, "the corpus holds at least 100 real offers");
        Assert.True(exact >= corpus.Count * 0.9, $"{exact} of {corpus.Count} read exactly");
    }

    [Fact]
    public void Read_SyntheticOffers_ReadExactly()
    {
        foreach (var entry in Corpus("synthetic.jsonl"))
        {
            var draft = OfferTextReader.Read(entry.GetProperty("text").GetString()!).Draft;
            Assert.Empty(Fields.Where(f => !Same(f, draft, entry.GetProperty("gold"))).Select(f => entry.GetProperty("id").GetString() + " " + f));
        }
    }

    private static bool Same(string field, OfferDraft draft, JsonElement gold)
    {
        var has = gold.TryGetProperty(field, out var want);
        return field switch
        {
            "amount" => SameMoney(draft.Amount, has, want),
            "limit" => SameMoney(draft.Limit, has, want),
            "arrives" => SameMoney(draft.Arrives, has, want),
            "instalment" => SameMoney(draft.Instalment, has, want),
            "atEnd" => SameMoney(draft.AtEnd, has, want),
            "term" => has
                ? draft.Term is { } term && term.Count == want.GetProperty("count").GetInt32() && (term.Unit == TermUnit.Days) == (want.GetProperty("unit").GetString() == "days")
                : draft.Term is null,
            "rate" => has
                ? draft.Rate is { } rate
                    && Math.Abs(rate.Value - want.GetProperty("value").GetDouble()) < 1e-9
                    && rate.Per.ToString().Equals(want.GetProperty("per").GetString(), StringComparison.OrdinalIgnoreCase)
                    && (rate.Method == AdvertisedMethod.FeeRate) == (want.GetProperty("method").GetString() == "fee")
                : draft.Rate is null,
            "fees" => has
                ? draft.Fees.Select(f => (OfferDraft.FeeKindOf(f.Name).ToString().ToLowerInvariant(), f.Amount.Yuan, f.EveryInstalment))
                    .SequenceEqual(want.EnumerateArray().Select(f => (f.GetProperty("kind").GetString()!, f.GetProperty("amount").GetDecimal(), f.GetProperty("each").GetBoolean())))
                : draft.Fees.Count == 0,
            "early" => has
                ? want.GetString() switch
                {
                    "none" => draft.EarlyRepayment is { Charged: false },
                    "charged" => draft.EarlyRepayment is { Charged: true, Fraction: null, Amount: null },
                    var figure => draft.EarlyRepayment is { Fraction: { } f } && Math.Abs(f - (double.Parse(figure!.TrimEnd('%'), CultureInfo.InvariantCulture) / 100)) < 1e-9,
                }
                : draft.EarlyRepayment is null,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown field."),
        };
    }

    private static bool SameMoney(Core.Money? read, bool has, JsonElement want) =>
        has ? read is { } money && money.Yuan == want.GetDecimal() : read is null;
}
