using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DebtShield.App;

namespace DebtShield.Cli.Rendering;

/// <summary>Writes one report to stdout as indented UTF-8 JSON, Chinese unescaped.</summary>
internal static class JsonOutput
{
    public static async Task WriteAsync<T>(T report, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await using var stdout = CliContext.Current.OpenStandardOutput();
        await using (var writer = new Utf8JsonWriter(stdout, ReportJsonContext.WriterOptions with { Indented = true }))
        {
            JsonSerializer.Serialize(writer, report, typeInfo);
        }

        await stdout.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }

    /// <summary>Writes what <paramref name="write"/> writes, indented, then a line end.</summary>
    public static async Task WriteAsync(Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        await using var stdout = CliContext.Current.OpenStandardOutput();
        await using (var writer = new Utf8JsonWriter(stdout, ReportJsonContext.WriterOptions with { Indented = true }))
        {
            write(writer);
        }

        await stdout.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }
}
