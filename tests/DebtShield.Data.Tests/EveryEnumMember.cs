using DebtShield.Core;
using DebtShield.Core.Budget;
using DebtShield.Core.Conduct;
using DebtShield.Core.Evidence;
using DebtShield.Core.Loans;
using DebtShield.Data.Cases;
using DebtShield.Data.Evidence;
using DebtShield.Data.Protection;

namespace DebtShield.Data.Tests;

/// <summary>A ledger's rows holding every member of every enum a row carries: what the stored-id and backup-id tests walk.</summary>
internal static class EveryEnumMember
{
    /// <summary>
    /// Stores a case whose rows hold every member of every enum, in every column that can hold it;
    /// <paramref name="source"/> is the evidence rows' source (the backup fixture's bytes hold it).
    /// </summary>
    public static async Task<Guid> StoreAsync(Ledger ledger, string source)
    {
        var kinds = Enum.GetValues<LenderKind>();
        var pers = Enum.GetValues<RatePer>();
        var methods = Enum.GetValues<AdvertisedMethod>();
        var loans = kinds.Select((kind, i) => Loan($"loan-{i}", kind, pers[i % pers.Length], methods[i % methods.Length], pers[(i + 1) % pers.Length])).ToArray();
        var caseId = await SampleFacts.StoreCaseAsync(ledger, LedgerCipher.None, loans);
        await ledger.WriteAsync(async (context, token) =>
        {
            context.BudgetLines.Add(StoredBudgetLine.From(caseId, 1, new BudgetLine(BudgetLineKind.EssentialExpense, "房租", new Money(1500m)), LedgerCipher.None));
            var channels = Enum.GetValues<IncidentChannel>();
            var directions = Enum.GetValues<IncidentDirection>();
            var outcomes = Enum.GetValues<CallOutcome>();
            var recipients = Enum.GetValues<Recipient>();
            for (var i = 0; i < channels.Length; i++)
            {
                context.EvidenceEntries.Add(new StoredEvidenceEntry
                {
                    CaseId = caseId,
                    Sequence = i + 1,
                    RecordedAt = SampleFacts.Now,
                    Channel = channels[i],
                    Direction = directions[i % directions.Length],
                    Time = SampleFacts.Now.AddHours(-i),
                    Outcome = i < outcomes.Length ? outcomes[i] : null,
                    Recipient = recipients[i % recipients.Length],
                    Counterpart = "13900000000",
                    Source = source,
                    Fingerprint = new string('a', 64),
                    Previous = new string('b', 64),
                    Hash = new string('c', 64),
                });
            }

            foreach (var (origin, i) in Enum.GetValues<CollectorOrigin>().Select((o, i) => (o, i)))
            {
                context.Collectors.Add(new StoredCollector { CaseId = caseId, Number = $"1390000000{i}", Origin = origin, AddedAt = SampleFacts.Now });
            }

            await context.SaveChangesAsync(token);
            return 0;
        });
        return caseId;
    }

    private static Loan Loan(string id, LenderKind kind, RatePer advertisedPer, AdvertisedMethod method, RatePer overduePer)
    {
        var creation = Core.Loans.Loan.Create(
            id,
            new Lender("借款方-" + id, kind),
            new DateOnly(2026, 3, 15),
            new Money(10000m),
            new Money(9000m),
            [],
            [new Instalment(new DateOnly(2026, 4, 15), new Money(5500m)), new Instalment(new DateOnly(2026, 5, 15), new Money(5500m))],
            [.. Enum.GetValues<PaymentTarget>().Select((target, i) => new Payment(new DateOnly(2026, 4, 15 + i), new Money(100m), target))],
            new AdvertisedRate(0.001, advertisedPer, method),
            OverdueTerms.Agreed(new OverdueRate(0.0005m, overduePer), OverduePenalty.PerDay(0.001m), new Money(30m)));
        Assert.True(creation.Succeeded);
        return creation.Loan;
    }
}
