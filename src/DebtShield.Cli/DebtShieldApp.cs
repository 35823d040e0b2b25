using System.Reflection;
using DebtShield.Cli.Commands;
using DebtShield.Cli.Resources;
using Spectre.Console.Cli;

namespace DebtShield.Cli;

/// <summary>The command tree, and the one place that turns failures into exit codes.</summary>
internal sealed class DebtShieldApp
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for a mistake in the user's input: a one-line message on stderr.</summary>
    public const int UserError = 1;

    /// <summary>Exit code for a bug in DebtShield.</summary>
    public const int InternalError = 2;

    private readonly CommandApp _app;

    private DebtShieldApp(TimeProvider time)
    {
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(TimeProvider), time);
        _app = new CommandApp(registrar);
        _app.Configure(config =>
        {
            config.SetApplicationName("debtshield");
            config.SetApplicationVersion(Version);
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.AddCommand<RateCommand>("rate")
                .WithDescription(CliText.Rate_Description)
                .WithExample("rate", "samples/loan.json")
                .WithExample("rate", "samples/loan.json", "--json")
                .WithExample("rate", "--batch", "loans.jsonl", "--output", "rates.jsonl");
            config.AddCommand<CheckCommand>("check")
                .WithDescription(CliText.Check_Description)
                .WithExample("check", "samples/loan.json", "--as-of", "2026-11-28", "--demanded", "18600")
                .WithExample("check", "samples/loan.json", "--json")
                .WithExample("check", "--batch", "loans.jsonl", "--as-of", "2026-11-28");
            config.AddCommand<ClassifyCommand>("classify")
                .WithDescription(CliText.Classify_Description)
                .WithExample("classify", "--input", "messages.jsonl", "--output", "labels.jsonl")
                .WithExample("classify", "--text");
        });
    }

    /// <summary>The product version, from the assembly.</summary>
    public static string Version { get; } =
        typeof(DebtShieldApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>Builds the command tree; <paramref name="time"/> says what "today" is.</summary>
    public static DebtShieldApp Create(TimeProvider time) => new(time);

    /// <summary>Runs the command line; never throws.</summary>
    public async Task<int> RunAsync(string[] args)
    {
        try
        {
            return await _app.RunAsync(args);
        }
        catch (CommandAppException e)
        {
            return Fail(UserError, e.Message);
        }
        catch (UserInputException e)
        {
            return Fail(UserError, e.Message);
        }
#pragma warning disable CA1031 // The last line of defence: a bug must still end with a message and exit code 2.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Fail(InternalError, string.Format(System.Globalization.CultureInfo.CurrentCulture, CliText.Error_Internal, e.GetType().Name + ": " + e.Message));
        }
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine("debtshield: " + message.ReplaceLineEndings(" "));
        return code;
    }
}
