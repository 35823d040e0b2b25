using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DebtShield.App.Cases;
using DebtShield.Core.Cases;
using DebtShield.Tests.Shared;
using DebtShield.Web.Accounts;
using DebtShield.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DebtShield.Web.Tests;

/// <summary>
/// On a server, a case's title is the account's business: titles are unique per account, no
/// answer confirms another account's title, and a case is opened with its assignment or not at all
/// (real PostgreSQL, <c>DEBTSHIELD_TEST_PG</c>).
/// </summary>
public sealed class CaseOwnershipTests
{
    [Fact]
    public async Task AddCase_TitleAnotherAccountHas_OpensASecondCaseAndSaysNothingOfTheFirst()
    {
        using var ledger = TestLedgers.CreateMigratedPostgreSql();
        await using var app = await MultiUserApp.StartAsync(ledger.Location);
        await app.AddAccountAsync("alice@example.org", Roles.Borrower);
        await app.AddAccountAsync("bob@example.org", Roles.Borrower);
        var (alice, _) = await app.LoginAsync("alice@example.org");
        var (bob, _) = await app.LoginAsync("bob@example.org");

        var alices = await MultiUserApp.OpenCaseAsync(alice, "张三");
        var bobs = await MultiUserApp.OpenCaseAsync(bob, "张三");
        var again = await alice.PostAsJsonAsync("/api/v1/cases", new { title = "张三" });
        var bobsFromAlice = await alice.GetAsync("/api/v1/loans?case=" + bobs);
        var bobsPageFromAlice = await alice.GetAsync("/loans?case=" + bobs);
        var bobsList = await bob.GetFromJsonAsync<JsonElement>("/api/v1/cases");

        Assert.NotEqual(alices, bobs);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("已有名为“张三”的案件", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, bobsFromAlice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bobsPageFromAlice.StatusCode);
        Assert.DoesNotContain("张三", await bobsFromAlice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("张三", await bobsPageFromAlice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([bobs], bobsList.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task AddAsync_AssignmentCannotBeWritten_OpensNoCase()
    {
        using var ledger = TestLedgers.CreateMigratedPostgreSql();
        await using var app = await MultiUserApp.StartAsync(ledger.Location);
        await app.AddAccountAsync("alice@example.org", Roles.Borrower);
        var open = await app.Services.GetRequiredService<LedgerGate>().OpenAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var alice = (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync("alice@example.org"))!.Id;

        // Given an owner whose assignment the database refuses (no such account), and one it takes.
        await Assert.ThrowsAnyAsync<Exception>(() => CaseBook.AddAsync(open, new CaseProfile("孤儿案件"), TimeProvider.System, new AccountCases("no-such-account", TimeProvider.System)));
        var kept = await CaseBook.AddAsync(open, new CaseProfile("甲的案件"), TimeProvider.System, new AccountCases(alice, TimeProvider.System));

        Assert.Equal(["甲的案件"], (await CaseBook.ListAsync(open)).Select(c => c.Profile.Title));
        var assignments = await scope.ServiceProvider.GetRequiredService<AccountsContext>().CaseAssignments.ToListAsync();
        Assert.Equal([(alice, kept)], assignments.Select(a => (a.UserId, a.CaseId)));
    }
}
