using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DebtShield.Web.Accounts;

/// <summary>For <c>dotnet ef migrations add … --context AccountsContext</c>: the model needs a provider, not a server.</summary>
internal sealed class AccountsContextFactory : IDesignTimeDbContextFactory<AccountsContext>
{
    public AccountsContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AccountsContext>();
        AccountsContext.Configure(options, "Host=localhost;Database=debtshield");
        return new AccountsContext(options.Options);
    }
}
