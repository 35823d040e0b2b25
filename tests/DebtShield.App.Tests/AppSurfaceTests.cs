using System.Reflection;

namespace DebtShield.App.Tests;

/// <summary>
/// What App offers the hosts, against <c>docs/architecture.md</c>: the hosts' compiler is not
/// given Import (<c>src/HostBoundary.targets</c>), so a public App member whose signature carries
/// an Import type is one a host cannot call. App owns every type it hands out.
/// </summary>
public sealed class AppSurfaceTests
{
    [Fact]
    public void PublicMembers_OfEveryPublicType_CarryNoImportType()
    {
        var app = typeof(RequestRefusedException).Assembly;

        var carried = app.GetExportedTypes()
            .SelectMany(t => Signature(t).Select(s => (Where: t.FullName + "." + s.Member, s.Type)))
            .Where(s => Named(s.Type).Any(n => n.Assembly.GetName().Name == "DebtShield.Import"))
            .Select(s => $"{s.Where}: {s.Type}")
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Empty(carried);
    }

    /// <summary>Every type a caller outside App meets in <paramref name="type"/>'s public face.</summary>
    private static IEnumerable<(string Member, Type Type)> Signature(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return ("(base)", baseType);
        }

        foreach (var face in type.GetInterfaces())
        {
            yield return ("(interface)", face);
        }

        const BindingFlags Visible = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var member in type.GetMembers(Visible))
        {
            switch (member)
            {
                case MethodBase method:
                    if (method is MethodInfo { ReturnType: var returned })
                    {
                        yield return (method.Name, returned);
                    }

                    foreach (var parameter in method.GetParameters())
                    {
                        yield return (method.Name, parameter.ParameterType);
                    }

                    break;
                case PropertyInfo property:
                    yield return (property.Name, property.PropertyType);
                    break;
                case FieldInfo field:
                    yield return (field.Name, field.FieldType);
                    break;
                case EventInfo { EventHandlerType: { } handler } evented:
                    yield return (evented.Name, handler);
                    break;
            }
        }
    }

    /// <summary>The type and every type it is made of (elements, generic arguments).</summary>
    private static IEnumerable<Type> Named(Type type)
    {
        if (type.IsGenericParameter)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var inner in Named(type.GetElementType()!))
            {
                yield return inner;
            }

            yield break;
        }

        yield return type;
        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Named))
            {
                yield return inner;
            }
        }
    }
}
