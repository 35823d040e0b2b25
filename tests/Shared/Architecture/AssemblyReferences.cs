using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DebtShield.Tests.Shared.Architecture;

/// <summary>
/// What a compiled assembly names from other assemblies, read from its metadata: every type it
/// refers to, and every method it calls on another assembly's types. The compiler writes a
/// reference only for what the code uses, so these are the assembly's real dependencies, not its
/// project file's.
/// </summary>
public sealed class AssemblyReferences
{
    private AssemblyReferences(IReadOnlyList<ReferencedType> types, IReadOnlyList<ReferencedMethod> methods)
    {
        Types = types;
        Methods = methods;
    }

    /// <summary>The types the assembly refers to, each with the assembly that defines it.</summary>
    public IReadOnlyList<ReferencedType> Types { get; }

    /// <summary>The methods the assembly calls on other assemblies' types.</summary>
    public IReadOnlyList<ReferencedMethod> Methods { get; }

    /// <summary>Reads the references of <paramref name="assembly"/> from its file.</summary>
    public static AssemblyReferences Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var file = File.OpenRead(assembly.Location);
        using var pe = new PEReader(file);
        var metadata = pe.GetMetadataReader();
        var types = metadata.TypeReferences.ToDictionary(h => h, h => Type(metadata, h));
        var methods = new List<ReferencedMethod>();
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.GetKind() == MemberReferenceKind.Method && member.Parent.Kind == HandleKind.TypeReference)
            {
                var signature = member.DecodeMethodSignature(TypeNames.Instance, null);
                methods.Add(new ReferencedMethod(types[(TypeReferenceHandle)member.Parent], metadata.GetString(member.Name), signature.ParameterTypes));
            }
        }

        return new AssemblyReferences([.. types.Values], methods);
    }

    private static ReferencedType Type(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        var name = metadata.GetString(type.Name);
        var scope = type.ResolutionScope;
        if (scope.Kind == HandleKind.TypeReference)
        {
            var outer = Type(metadata, (TypeReferenceHandle)scope);
            return new ReferencedType(outer.Assembly, outer.FullName + "+" + name);
        }

        var space = metadata.GetString(type.Namespace);
        var assembly = scope.Kind == HandleKind.AssemblyReference
            ? metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)
            : "";
        return new ReferencedType(assembly, space.Length == 0 ? name : space + "." + name);
    }

    /// <summary>Names a signature's types as <c>Type.Name</c> does, for matching a call to its method.</summary>
    private sealed class TypeNames : ISignatureTypeProvider<string, object?>
    {
        public static readonly TypeNames Instance = new();

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.IntPtr => "IntPtr",
            PrimitiveTypeCode.UIntPtr => "UIntPtr",
            PrimitiveTypeCode.TypedReference => "TypedReference",
            _ => typeCode.ToString(),
        };

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeReference(handle).Name);

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType;

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "method";
    }
}

/// <summary>A type an assembly refers to.</summary>
/// <param name="Assembly">The assembly that defines it.</param>
/// <param name="FullName">Its namespace and name (nested types after a <c>+</c>).</param>
public sealed record ReferencedType(string Assembly, string FullName);

/// <summary>A method an assembly calls on another assembly's type.</summary>
/// <param name="Type">The type.</param>
/// <param name="Name">The method's name.</param>
/// <param name="ParameterTypes">Its parameters' type names, as <c>Type.Name</c> gives them (generic types by their definition).</param>
public sealed record ReferencedMethod(ReferencedType Type, string Name, IReadOnlyList<string> ParameterTypes)
{
    /// <summary>The method of <paramref name="assembly"/> this call resolves to; null when it is not a method of that assembly.</summary>
    public MethodBase? In(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var type = assembly.GetType(Type.FullName);
        return type?.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .OfType<MethodBase>()
            .FirstOrDefault(m => m.Name == Name && Matches(m.GetParameters()));
    }

    private bool Matches(ParameterInfo[] parameters) =>
        parameters.Length == ParameterTypes.Count
        && parameters.Zip(ParameterTypes).All(p => p.Second.StartsWith('!') || p.Second == Named(p.First.ParameterType));

    private static string Named(System.Type type) =>
        type.IsGenericType ? type.GetGenericTypeDefinition().Name
        : type.IsGenericParameter ? "!"
        : type.Name;
}
