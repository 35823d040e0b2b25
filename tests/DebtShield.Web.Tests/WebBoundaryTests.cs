using System.Reflection;
using System.Reflection.Emit;
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

    [Fact]
    public void Pages_CodeTheyRun_CallsNothingInsideAnApiClass()
    {
        var web = typeof(WebHost).Assembly;
        var apis = web.GetTypes().Where(t => t.Namespace == "DebtShield.Web.Api" && t.Name.EndsWith("Api", StringComparison.Ordinal)).ToHashSet();
        bool IsApi(Type? type) => type is not null && (apis.Contains(type) || IsApi(type.DeclaringType));

        var pageCalls = CallsFrom(web, "DebtShield.Web.Pages").Where(c => IsApi(c.Callee.DeclaringType)).Select(c => $"{c.Caller} calls {c.Callee.DeclaringType}.{c.Callee.Name}");
        var apiCalls = CallsFrom(web, "DebtShield.Web.Api").Where(c => IsApi(c.Callee.DeclaringType));

        // The scan sees calls into the API classes where they are made (their own endpoints), so an empty list below is a finding.
        Assert.NotEmpty(apis);
        Assert.NotEmpty(apiCalls);
        Assert.Empty(pageCalls);
    }

    [Fact]
    public void Pages_CodeTheyRun_NamesNothingOfTheApisNamespace()
    {
        // Given the web assembly; when every method the pages' code calls is read from the IL, then
        // none is in Api/: what pages and endpoints share (the loan form, form values, the evidence
        // query and figures) is in Forms/, so an endpoint's own types stay its own.
        var web = typeof(WebHost).Assembly;

        var named = CallsFrom(web, "DebtShield.Web.Pages")
            .Where(c => c.Callee.DeclaringType?.Namespace == "DebtShield.Web.Api")
            .Select(c => $"{c.Caller} calls {c.Callee.DeclaringType}.{c.Callee.Name}")
            .Distinct();

        Assert.Contains(CallsFrom(web, "DebtShield.Web.Pages"), c => c.Callee.DeclaringType?.Namespace == "DebtShield.Web.Forms");
        Assert.Empty(named);
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>Every method called, or taken as a delegate, by the code of the types in <paramref name="ns"/> (their lambdas and state machines too), read from the IL.</summary>
    private static IEnumerable<(string Caller, MethodBase Callee)> CallsFrom(Assembly assembly, string ns)
    {
        const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes().Where(t => t.Namespace?.StartsWith(ns, StringComparison.Ordinal) == true))
        {
            foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
            {
                var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
                for (var at = 0; at < il.Length;)
                {
                    var opCode = il[at] == 0xFE ? OpCodesByValue[unchecked((short)(0xFE00 | il[at + 1]))] : OpCodesByValue[il[at]];
                    at += opCode.Size;
                    if (opCode.OperandType == OperandType.InlineMethod)
                    {
                        var token = BitConverter.ToInt32(il, at);
                        var callee = type.Module.ResolveMethod(token, type.IsGenericType ? type.GetGenericArguments() : null, method.IsGenericMethod ? method.GetGenericArguments() : null);
                        yield return ($"{type}.{method.Name}", callee!);
                    }

                    at += opCode.OperandType switch
                    {
                        OperandType.InlineNone => 0,
                        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                        OperandType.InlineVar => 2,
                        OperandType.InlineI8 or OperandType.InlineR => 8,
                        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                        _ => 4,
                    };
                }
            }
        }
    }
}
