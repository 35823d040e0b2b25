using System.Text.Json;
using System.Text.Json.Serialization;
using DebtShield.Core.Loans;
using DebtShield.Core.Vocabulary;
using DebtShield.Data.Evidence;

namespace DebtShield.Data.Backups;

/// <summary>
/// How a backup writes and reads the enums its rows carry: each through the ids its one home spells
/// out (a vocabulary's terms, or the table beside the enum), never through the member's name.
/// </summary>
/// <remarks>
/// A backup is restored by later versions, so its ids are a file format: they were the members'
/// names in snake case when they were first written (schema 9 and before), and they stay those
/// strings whatever the members are called (<c>BackupWireIdTests</c> pins each one and restores a
/// backup written before they were spelled out). An enum a row carries without a table here is
/// refused when the first backup is written (<see cref="NotSupportedException"/>), never written by
/// its name; an id a backup holds that no member has is a broken backup (<see cref="JsonException"/>).
/// </remarks>
internal sealed class BackupEnumIds : JsonConverterFactory
{
    private static readonly IReadOnlyList<JsonConverter> Converters =
    [
        Through(Vocabularies.LenderKinds.Ids),
        Through(Vocabularies.RateUnits.Ids),
        Through(Vocabularies.RateMethods.Ids),
        Through(Vocabularies.Recipients.Ids),
        Through(Vocabularies.Channels.Ids),
        Through(Vocabularies.CallOutcomes.Ids),
        Through(Vocabularies.Directions.Ids),
        Through(Payment.TargetIds),
        Through(Vocabularies.BudgetLineKinds.Ids),
        Through(StoredCollector.OriginIds),
    ];

    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    /// <inheritdoc/>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        Converters.FirstOrDefault(c => c.Type == typeToConvert)
            ?? throw new NotSupportedException($"A backup row carries {typeToConvert.Name}, which has no wire ids: give it a WireIds table and add it to {nameof(BackupEnumIds)}.");

    private static IdConverter<T> Through<T>(WireIds<T> ids)
        where T : struct, Enum => new(ids);

    private sealed class IdConverter<T>(WireIds<T> ids) : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && ids.TryParse(reader.GetString(), out var member)
                ? member
                : throw new JsonException($"Not a {typeof(T).Name} id.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(ids.Of(value));
    }
}
