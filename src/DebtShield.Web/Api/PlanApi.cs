using DebtShield.App.PlanRepayment;
using DebtShield.Core;
using DebtShield.Web.Hosting;

namespace DebtShield.Web.Api;

/// <summary><c>/api/v1/plan</c>: the strategies side by side, the optimised plan and the negotiation proposal.</summary>
public static class PlanApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/plan", async (RequestedCase @case, decimal? budget, LedgerGate gate, TimeProvider time, CancellationToken token) =>
            TypedResults.Ok(await PlanRepayment.PlanAsync(await gate.OpenAsync(token), @case.Reference, ChinaStandardTime.Today(time), new PlanOptions(budget), token))).WithName("Plan");
    }
}
