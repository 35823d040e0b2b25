using DebtShield.Tests.Shared.Architecture;
using DebtShield.Web.Hosting;

namespace DebtShield.Web.Tests;

/// <summary>The web app's assembly against the rules of <c>docs/architecture.md</c> for a host.</summary>
public sealed class WebBoundaryTests() : HostBoundaryRules(typeof(WebHost).Assembly)
{
    [Fact]
    public void Web_AppMethodsItCalls_TakeStreamsNotPaths()
    {
        var app = typeof(App.RequestRefusedException).Assembly;
        var calls = References.Methods.Where(m => m.Type.Assembly == "DebtShield.App").ToList();
        var methods = calls.Select(m => m.In(app)).ToList();

        Assert.NotEmpty(calls);
        Assert.All(calls.Zip(methods), c => Assert.True(c.Second is not null, c.First.ToString()));
        Assert.All(methods, m => Assert.DoesNotContain(m!.GetParameters(), p => p.ParameterType == typeof(string) && p.Name!.EndsWith("path", StringComparison.OrdinalIgnoreCase)));
    }
}
