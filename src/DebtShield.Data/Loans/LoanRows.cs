using System.Data.Common;
using DebtShield.Core;
using DebtShield.Data.Cases;

namespace DebtShield.Data.Loans;

/// <summary>
/// A case's loans with every fact (lender, schedule, upfront fees, payments) read with plain SQL:
/// one command of four statements on the context's connection, inside its transaction. The front
/// page of a ledger with loans reads them first thing; through EF Core the first such read
/// compiled a four-query split-include pipeline (and had it jitted) before the page could answer
/// (docs/benchmarks.md, issue 25). The rows come back as EF Core stores and reads them, untracked.
/// </summary>
/// <remarks>
/// A stored value no program writes (an enum id no member has, a number that does not parse) is a
/// <see cref="LedgerException"/> naming the table, as an unreadable evidence row is, rather than a crash.
/// </remarks>
public static class LoanRows
{
    private const string Sql =
        "SELECT l.id, l.lender_id, l.reference, l.contract_date, l.principal, l.received, l.advertised_value, l.advertised_per, l.advertised_method, "
        + "l.overdue_terms_known, l.overdue_rate_value, l.overdue_rate_per, l.overdue_penalty_per_day, l.overdue_penalty_amount, l.overdue_other_fees, "
        + "l.added_at, d.name, d.kind FROM loans l JOIN lenders d ON d.id = l.lender_id WHERE l.case_id = @case ORDER BY l.reference;"
        + "SELECT i.loan_id, i.number, i.due_date, i.total, i.principal, i.interest, i.fees FROM instalments i JOIN loans l ON l.id = i.loan_id WHERE l.case_id = @case;"
        + "SELECT f.loan_id, f.number, f.name, f.amount, f.\"date\" FROM upfront_fees f JOIN loans l ON l.id = f.loan_id WHERE l.case_id = @case;"
        + "SELECT p.id, p.loan_id, p.\"date\", p.amount, p.applies_to, p.recorded_at FROM payments p JOIN loans l ON l.id = p.loan_id WHERE l.case_id = @case;";

    /// <summary>Every loan of the case <paramref name="caseId"/> with its facts, by reference (the database's order), untracked.</summary>
    /// <exception cref="LedgerException">A stored value is not one this program writes.</exception>
    public static Task<List<StoredLoan>> WithFactsAsync(LedgerContext context, Guid caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ReadPlainAsync(
            Sql,
            command => command.Parameters.Add(CaseRows.IdParameter(context, command, "@case", caseId)),
            rows => ReadAll(rows, caseId),
            cancellationToken);
    }

    private static List<StoredLoan> ReadAll(DbDataReader rows, Guid caseId)
    {
        var loans = new List<StoredLoan>();
        var byId = new Dictionary<Guid, StoredLoan>();
        var lenders = new Dictionary<Guid, StoredLender>();
        Read(rows, "loans", () =>
        {
            var lenderId = rows.GetGuid(1);
            if (!lenders.TryGetValue(lenderId, out var lender))
            {
                lender = new StoredLender { Id = lenderId, CaseId = caseId, Name = rows.GetString(16), Kind = EnumColumns.LenderKind.Read(rows.GetString(17)) };
                lenders.Add(lenderId, lender);
            }

            var loan = new StoredLoan
            {
                Id = rows.GetGuid(0),
                CaseId = caseId,
                LenderId = lenderId,
                Lender = lender,
                Reference = rows.GetString(2),
                ContractDate = rows.GetFieldValue<DateOnly>(3),
                Principal = Amount(rows, 4),
                Received = Amount(rows, 5),
                AdvertisedValue = rows.IsDBNull(6) ? null : rows.GetDouble(6),
                AdvertisedPer = rows.IsDBNull(7) ? null : EnumColumns.LoanAdvertisedPer.Read(rows.GetString(7)),
                AdvertisedMethod = rows.IsDBNull(8) ? null : EnumColumns.LoanAdvertisedMethod.Read(rows.GetString(8)),
                OverdueTermsKnown = rows.GetBoolean(9),
                OverdueRateValue = rows.IsDBNull(10) ? null : rows.GetDecimal(10),
                OverdueRatePer = rows.IsDBNull(11) ? null : EnumColumns.LoanOverdueRatePer.Read(rows.GetString(11)),
                OverduePenaltyPerDay = rows.IsDBNull(12) ? null : rows.GetDecimal(12),
                OverduePenaltyAmount = OptionalAmount(rows, 13),
                OverdueOtherFees = OptionalAmount(rows, 14),
                AddedAt = rows.GetFieldValue<DateTimeOffset>(15),
            };
            loans.Add(loan);
            byId.Add(loan.Id, loan);
        });

        NextResult(rows);
        Read(rows, "instalments", () => byId[rows.GetGuid(0)].Schedule.Add(new StoredInstalment
        {
            LoanId = rows.GetGuid(0),
            Number = rows.GetInt32(1),
            DueDate = rows.GetFieldValue<DateOnly>(2),
            Total = Amount(rows, 3),
            Principal = OptionalAmount(rows, 4),
            Interest = OptionalAmount(rows, 5),
            Fees = OptionalAmount(rows, 6),
        }));

        NextResult(rows);
        Read(rows, "upfront_fees", () => byId[rows.GetGuid(0)].UpfrontFees.Add(new StoredUpfrontFee
        {
            LoanId = rows.GetGuid(0),
            Number = rows.GetInt32(1),
            Name = rows.GetString(2),
            Amount = Amount(rows, 3),
            Date = rows.GetFieldValue<DateOnly>(4),
        }));

        NextResult(rows);
        Read(rows, "payments", () => byId[rows.GetGuid(1)].Payments.Add(new StoredPayment
        {
            Id = rows.GetGuid(0),
            LoanId = rows.GetGuid(1),
            Date = rows.GetFieldValue<DateOnly>(2),
            Amount = Amount(rows, 3),
            AppliesTo = EnumColumns.PaymentAppliesTo.Read(rows.GetString(4)),
            RecordedAt = rows.GetFieldValue<DateTimeOffset>(5),
        }));

        return loans;
    }

    /// <summary>Reads every row of the current result with <paramref name="row"/>; a value that does not read names <paramref name="table"/>.</summary>
    private static void Read(DbDataReader rows, string table, Action row)
    {
        while (rows.Read())
        {
            try
            {
                row();
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
            {
                throw new LedgerException(LedgerProblem.StoredValueUnknown, table, e);
            }
        }
    }

    private static void NextResult(DbDataReader rows)
    {
        if (!rows.NextResult())
        {
            throw new InvalidOperationException("The loans' command returned fewer results than it has statements.");
        }
    }

    private static Money Amount(DbDataReader rows, int ordinal) => LedgerContext.MoneyConverter.Read(rows.GetDecimal(ordinal));

    private static Money? OptionalAmount(DbDataReader rows, int ordinal) => rows.IsDBNull(ordinal) ? null : Amount(rows, ordinal);
}
