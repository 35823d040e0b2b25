using System.Diagnostics;
using DebtShield.Core.Planning;
using Google.OrTools.LinearSolver;

namespace DebtShield.Planning.Optimization;

/// <summary>
/// The optimised repayment plan: Core's <see cref="PlanProblem"/> written as a mixed-integer
/// program and solved with SCIP through Google OR-Tools, then run through the same
/// <see cref="PlanSimulation"/> as the heuristics so every figure is computed one way.
/// </summary>
/// <remarks>
/// <para>For loan i and month t: the payment x, the balance b after the month, the cash c carried to the
/// next month, a 0/1 flag o that the loan is behind after the month, and p, how far it is behind while it
/// is. s is the on-schedule balance; the month's lawful due is what s falls by, d[t] = (1 + r)·s[t−1] − s[t];
/// M[t] = (1 + r)^(t+1)·b[−1] − s[t] is how far behind the loan would be if nothing had ever been paid.</para>
/// <list type="bullet">
/// <item>b[i,t] = (1 + r_i)·b[i,t−1] − x[i,t], b ≥ 0 (the balance grows, then the payment lands);</item>
/// <item>c[t] = c[t−1] + budget − Σ_i x[i,t], c ≥ 0 (no borrowing to pay);</item>
/// <item>b[i,t] − s[i,t] ≤ p[i,t] + ε, p ≥ 0: whatever the loan is above its schedule is arrears;</item>
/// <item>p[i,t] ≤ M[i,t]·o[i,t]: arrears only while the loan is flagged behind;</item>
/// <item>p[i,t] ≤ (1 + r_i)·p[i,t−1] + (d[i,t] + 2ε)·o[i,t]: in one month arrears grow by at most the
/// month's due, and only if the loan is flagged behind;</item>
/// <item>minimise Σ x + Σ_i b[i,T] + w·Σ days[i,t]·o[i,t]: lawful cost (paid, plus still owed at the end)
/// plus the weighted days behind.</item>
/// </list>
/// <para>The last row is what makes 30 loans × 60 months tractable. With the big-M row alone the
/// relaxation could leave part of a due unpaid for a sliver of a flag (the arrears over everything the
/// loan could ever owe); with it, leaving a fraction f of one month's due unpaid costs about f of a flag, so
/// the relaxation's bound is close to the integer optimum and SCIP can prove a gap. Every real plan meets
/// the row (its arrears, when behind, are last month's grown by interest plus at most this month's due), so
/// the optimum is unchanged.</para>
/// <para>The best heuristic is given to the solver as a starting solution. After the search the flags are
/// fixed and the payments solved once more as a pure linear program, so they meet the flags exactly.</para>
/// </remarks>
public static class OptimalPlan
{
    /// <summary>
    /// Solves <paramref name="problem"/>; <paramref name="start"/> is a known plan to start from
    /// (the best heuristic), or null.
    /// </summary>
    /// <param name="problem">The plan's data.</param>
    /// <param name="start">Payments of a known plan, evaluated on the same problem.</param>
    /// <param name="timeLimit">How long the whole solve may take; the best plan found by then is used.</param>
    public static OptimalPlanResult Solve(PlanProblem problem, PlanOutcome? start = null, TimeSpan? timeLimit = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var clock = Stopwatch.StartNew();
        using var search = Model.Build("SCIP", problem, null);
        if (start is not null)
        {
            search.Hint(problem, start);
        }

        // The limit covers the whole solve: building the model, the search and the final linear program.
        var searchTime = (timeLimit ?? DefaultTimeLimit) - clock.Elapsed - PolishAllowance;
        search.Solver.SetTimeLimit((long)Math.Max(MinimumSearch.TotalMilliseconds, searchTime.TotalMilliseconds));
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, RelativeGap);
        var status = search.Solver.Solve(parameters);
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return new OptimalPlanResult(null, OptimalPlanStatus.NotSolved, clock.Elapsed, null, null);
        }

        var found = search.Solver.Objective().Value();

        // Every term of the objective is non-negative, so 0 bounds it when the search stopped before its first bound.
        var best = search.Solver.Objective().BestBound();
        var bound = double.IsFinite(best) ? Math.Clamp(best, 0.0, Math.Max(found, 0.0)) : 0.0;

        // Fix every flag and solve the payments again as a linear program (GLOP). A flag the search
        // left barely above zero is set to 1: its rows may be leaning on that sliver.
        var flags = new bool[problem.Loans.Count, problem.Months];
        for (var i = 0; i < problem.Loans.Count; i++)
        {
            for (var t = 0; t < problem.Months; t++)
            {
                flags[i, t] = search.Behind[i, t] is { } flag && flag.SolutionValue() > 1e-9;
            }
        }

        using var polish = Model.Build("GLOP", problem, flags);
        if (polish.Solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return new OptimalPlanResult(null, OptimalPlanStatus.NotSolved, clock.Elapsed, null, null);
        }

        var gap = found > 0 ? Math.Max(0.0, (found - bound) / found) : 0.0;
        return new OptimalPlanResult(
            polish.Payments(),
            status == Solver.ResultStatus.OPTIMAL ? OptimalPlanStatus.Optimal : OptimalPlanStatus.TimeLimit,
            clock.Elapsed,
            bound,
            gap);
    }

    /// <summary>The program's variables on one solver.</summary>
    private sealed class Model : IDisposable
    {
        private Model(Solver solver, int loans, int months, bool search)
        {
            Solver = solver;
            Pay = new Variable?[loans, months];
            Owed = new Variable?[loans, months];
            Behind = new Variable?[loans, months];
            Arrears = search ? new Variable?[loans, months] : null;
            Cash = new Variable[months];
        }

        public Solver Solver { get; }

        public Variable?[,] Pay { get; }

        public Variable?[,] Owed { get; }

        public Variable?[,] Behind { get; }

        /// <summary>How far each loan is behind its schedule after each month, while behind (the search only).</summary>
        public Variable?[,]? Arrears { get; }

        public Variable[] Cash { get; }

        /// <summary>The program; with <paramref name="fixedFlags"/> the flags are constants and it is linear.</summary>
        public static Model Build(string solverId, PlanProblem problem, bool[,]? fixedFlags)
        {
            var n = problem.Loans.Count;
            var months = problem.Months;
            var solver = Solver.CreateSolver(solverId) ?? throw new InvalidOperationException($"The {solverId} solver is not available in this OR-Tools build.");
            var model = new Model(solver, n, months, fixedFlags is null);
            var objective = solver.Objective();
            objective.SetMinimization();
            var budget = (double)problem.Budget.Yuan;
            for (var t = 0; t < months; t++)
            {
                model.Cash[t] = solver.MakeNumVar(0, double.PositiveInfinity, $"c_{t}");
            }

            for (var i = 0; i < n; i++)
            {
                var initial = (double)problem.Loans[i].Balance.Yuan;
                if (initial <= (double)PlanMonths.Fen)
                {
                    continue;
                }

                var growth = 1.0 + problem.MonthlyRate(i);
                var dues = LawfulDues(problem, i);
                var neverPaid = initial;
                for (var t = 0; t < months; t++)
                {
                    neverPaid *= growth;
                    var pay = solver.MakeNumVar(0, double.PositiveInfinity, $"x_{i}_{t}");
                    var owed = solver.MakeNumVar(0, double.PositiveInfinity, $"b_{i}_{t}");
                    model.Pay[i, t] = pay;
                    model.Owed[i, t] = owed;
                    objective.SetCoefficient(pay, 1);

                    // b[t] + x[t] − growth·b[t−1] = 0 (b[−1] is the start balance).
                    var balanceRow = t == 0 ? solver.MakeConstraint(growth * initial, growth * initial) : solver.MakeConstraint(0, 0);
                    balanceRow.SetCoefficient(owed, 1);
                    balanceRow.SetCoefficient(pay, 1);
                    if (t > 0)
                    {
                        balanceRow.SetCoefficient(model.Owed[i, t - 1], -growth);
                    }

                    // A loan that is on schedule even when nothing at all has been paid cannot be behind.
                    var scheduled = (double)problem.OnSchedule(i, t);
                    if (neverPaid - scheduled - Epsilon <= 0 || fixedFlags?[i, t] == true)
                    {
                        continue;
                    }

                    // b[t] − p[t] ≤ s[t] + ε; with fixed flags, b[t] ≤ s[t] + ε for a loan on schedule.
                    var behindRow = solver.MakeConstraint(double.NegativeInfinity, scheduled + Epsilon);
                    behindRow.SetCoefficient(owed, 1);
                    if (fixedFlags is not null)
                    {
                        continue;
                    }

                    var flag = solver.MakeBoolVar($"o_{i}_{t}");
                    model.Behind[i, t] = flag;
                    objective.SetCoefficient(flag, (double)problem.OverdueDayWeight * problem.DaysBehind(i, t));

                    // p[t] ≥ b[t] − s[t] − ε; p[t] ≤ M·o[t]; p[t] ≤ (1 + r)·p[t−1] + (d[t] + 2ε)·o[t].
                    var arrears = solver.MakeNumVar(0, double.PositiveInfinity, $"p_{i}_{t}");
                    model.Arrears![i, t] = arrears;
                    behindRow.SetCoefficient(arrears, -1);
                    var whileBehind = solver.MakeConstraint(double.NegativeInfinity, 0);
                    whileBehind.SetCoefficient(arrears, 1);
                    whileBehind.SetCoefficient(flag, -(neverPaid - scheduled));
                    var fromThisMonth = solver.MakeConstraint(double.NegativeInfinity, 0);
                    fromThisMonth.SetCoefficient(arrears, 1);
                    fromThisMonth.SetCoefficient(flag, -(dues[t] + (2 * Epsilon)));
                    if (t > 0 && model.Arrears[i, t - 1] is { } before)
                    {
                        fromThisMonth.SetCoefficient(before, -growth);
                    }
                }

                objective.SetCoefficient(model.Owed[i, months - 1], 1);
            }

            // c[t] − c[t−1] + Σ x[i,t] = budget (plus the money at hand in month 0).
            for (var t = 0; t < months; t++)
            {
                var income = t == 0 ? budget + (double)problem.InitialCash.Yuan : budget;
                var cashRow = solver.MakeConstraint(income, income);
                cashRow.SetCoefficient(model.Cash[t], 1);
                if (t > 0)
                {
                    cashRow.SetCoefficient(model.Cash[t - 1], -1);
                }

                for (var i = 0; i < n; i++)
                {
                    if (model.Pay[i, t] is { } pay)
                    {
                        cashRow.SetCoefficient(pay, 1);
                    }
                }
            }

            return model;
        }

        /// <summary>Each month's lawful due of loan <paramref name="loan"/>: what its on-schedule balance falls by.</summary>
        private static double[] LawfulDues(PlanProblem problem, int loan)
        {
            var growth = 1.0 + problem.MonthlyRate(loan);
            var dues = new double[problem.Months];
            var before = (double)problem.Loans[loan].Balance.Yuan;
            for (var t = 0; t < problem.Months; t++)
            {
                var after = (double)problem.OnSchedule(loan, t);
                dues[t] = Math.Max(0.0, (growth * before) - after);
                before = after;
            }

            return dues;
        }

        /// <summary>The solved payments by loan and month.</summary>
        public decimal[][] Payments()
        {
            var payments = new decimal[Pay.GetLength(0)][];
            for (var i = 0; i < payments.Length; i++)
            {
                payments[i] = new decimal[Pay.GetLength(1)];
                for (var t = 0; t < payments[i].Length; t++)
                {
                    payments[i][t] = Pay[i, t] is { } pay ? (decimal)Math.Max(0.0, pay.SolutionValue()) : 0m;
                }
            }

            return payments;
        }

        public void Dispose() => Solver.Dispose();

        /// <summary>
        /// Gives the search a known plan's values to start from: its payments, balances and cash, the
        /// flags where it is behind by the program's measure (more than ε), and its arrears there.
        /// </summary>
        public void Hint(PlanProblem problem, PlanOutcome start)
        {
            var variables = new List<Variable>();
            var values = new List<double>();
            var budget = problem.Budget.Yuan;
            var carried = problem.InitialCash.Yuan;
            for (var t = 0; t < problem.Months; t++)
            {
                carried += budget;
                for (var i = 0; i < problem.Loans.Count; i++)
                {
                    carried -= start.Payments[i][t];
                }

                variables.Add(Cash[t]);
                values.Add((double)carried);
            }

            for (var i = 0; i < problem.Loans.Count; i++)
            {
                var balance = problem.Loans[i].Balance.Yuan;
                var rate = (decimal)problem.MonthlyRate(i);
                for (var t = 0; t < problem.Months; t++)
                {
                    if (Pay[i, t] is not { } pay)
                    {
                        continue;
                    }

                    balance = (balance * (1m + rate)) - start.Payments[i][t];
                    variables.Add(pay);
                    values.Add((double)start.Payments[i][t]);
                    variables.Add(Owed[i, t]!);
                    values.Add((double)balance);
                    if (Behind[i, t] is not { } flag)
                    {
                        continue;
                    }

                    var behind = (double)(balance - problem.OnSchedule(i, t));
                    variables.Add(flag);
                    values.Add(behind > Epsilon ? 1 : 0);
                    variables.Add(Arrears![i, t]!);
                    values.Add(behind > Epsilon ? behind : 0.0);
                }
            }

            Solver.SetHint([.. variables], [.. values]);
        }
    }

    /// <summary>
    /// How far above the on-schedule balance still counts as on schedule: far below the
    /// simulation's one fen, so a plan the solver counts as on schedule is on schedule in the
    /// simulation too, and far below half a fen, so a plan never leaves a balance unpaid by
    /// leaning on it; far above the solver's rounding, so the heuristics' plans stay feasible.
    /// </summary>
    private const double Epsilon = 1e-4;

    /// <summary>The search stops when the best plan is proven within this fraction of the optimum.</summary>
    private const double RelativeGap = 1e-4;

    /// <summary>Time kept back from the search for the final linear program.</summary>
    private static readonly TimeSpan PolishAllowance = TimeSpan.FromMilliseconds(250);

    /// <summary>The shortest search, however little time is left.</summary>
    private static readonly TimeSpan MinimumSearch = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The default time for the whole solve: two seconds, the product's target. When the search
    /// stops at the limit the best plan found is used, and its proven gap is reported
    /// (docs/benchmarks.md has the figures for 30 loans × 60 months).
    /// </summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(2);
}

/// <summary>The solver's answer.</summary>
/// <param name="Payments">Payments by loan and month; null when no plan was found.</param>
/// <param name="Status">Whether the plan is proven optimal.</param>
/// <param name="Elapsed">How long the solve took.</param>
/// <param name="Bound">
/// A proven lower bound on the program's objective: no plan costs less. Null when no plan was found.
/// </param>
/// <param name="Gap">
/// (the search's best plan − <paramref name="Bound"/>) / the best plan, as a fraction: how much better
/// than the plan found any plan could still be. At most 10⁻⁴ when proven optimal. Null when no plan was found.
/// </param>
public sealed record OptimalPlanResult(decimal[][]? Payments, OptimalPlanStatus Status, TimeSpan Elapsed, double? Bound, double? Gap);

/// <summary>How far the solver got.</summary>
public enum OptimalPlanStatus
{
    /// <summary>Proven optimal (within a relative gap of 10⁻⁴).</summary>
    Optimal,

    /// <summary>The time limit stopped the search; the best plan found is used, with its proven gap.</summary>
    TimeLimit,

    /// <summary>No plan was found (not expected: paying nothing is always a plan).</summary>
    NotSolved,
}
