using DebtShield.Core.Budget;
using DebtShield.Core.Cases;
using DebtShield.Core.Loans;

namespace DebtShield.Import.CaseFiles;

/// <summary>
/// Everything a case file holds: one borrower's whole case, so that it can move between
/// machines (a borrower's phone and a legal-aid clinic's server) without losing a fact.
/// </summary>
/// <param name="Profile">The case's own facts: title, borrower, notes.</param>
/// <param name="Budget">The borrower's monthly income and essential expenses, lines in order.</param>
/// <param name="Loans">The loans, in file order; their ids are unique.</param>
public sealed record CaseFileContent(CaseProfile Profile, MonthlyBudget Budget, IReadOnlyList<Loan> Loans);
