using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DebtShield.App.Tests;

/// <summary>
/// What the reports write for programs (<c>--json</c>, the web API) carries codes as strings spelled
/// out in one home (a vocabulary's wire id, <c>LegalWireIds</c>, a <c>WireIds</c> table), never an
/// enum: the serializer would write its number (or, with a converter, its member's name), and either
/// changes when a member is added, moved or renamed.
/// </summary>
public sealed class ReportJsonIdTests
{
    [Fact]
    public void Reports_EveryValueTheJsonWrites_IsNoEnum()
    {
        var roots = typeof(ReportJsonContext).GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(JsonSerializableAttribute))
            .Select(a => (Type)a.ConstructorArguments[0].Value!)
            .ToList();
        var seen = new HashSet<Type>();
        var enums = new List<string>();
        var pending = new Queue<(Type Type, string Path)>(roots.Select(t => (t, t.Name)));

        while (pending.TryDequeue(out var next))
        {
            var type = Nullable.GetUnderlyingType(next.Type) ?? next.Type;
            if (type.IsEnum)
            {
                enums.Add(next.Path);
                continue;
            }

            if (!seen.Add(type))
            {
                continue;
            }

            var info = ReportJsonContext.Default.GetTypeInfo(type)!;
            foreach (var property in info.Properties.Where(p => !Ignored(p)))
            {
                pending.Enqueue((property.PropertyType, next.Path + "." + property.Name));
            }

            if (info.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary)
            {
                pending.Enqueue((info.ElementType!, next.Path + "[]"));
            }

            if (info.Kind == JsonTypeInfoKind.Dictionary)
            {
                pending.Enqueue((info.KeyType!, next.Path + "{key}"));
            }
        }

        Assert.True(roots.Count > 10, $"{roots.Count} report types found");
        Assert.True(seen.Count > roots.Count, $"{seen.Count} types walked");
        Assert.Empty(enums);
    }

    /// <summary>A property the JSON never writes (<c>[JsonIgnore]</c>: a fact kept for a form, not for programs).</summary>
    private static bool Ignored(JsonPropertyInfo property) =>
        property.Get is null
        || property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true).Cast<JsonIgnoreAttribute>().Any(a => a.Condition == JsonIgnoreCondition.Always) == true;
}
