using DebtShield.App.Ledgers;
using Spectre.Console;

namespace DebtShield.Cli;

/// <summary>
/// What one run of the program reads and writes besides the files it is given: its standard
/// streams, the terminal it may prompt on and the environment variables it heeds. The program
/// gets <see cref="OfProcess"/>; a test runs the same entry point in its own process with a
/// context of its own, so runs side by side share no console, variable or culture.
/// </summary>
/// <remarks>
/// Commands find the run's context in <see cref="Current"/> (set by <see cref="DebtShieldApp.RunAsync"/>
/// for the run's asynchronous flow only) rather than in <see cref="Console"/> or <see cref="Environment"/>,
/// which a process has only one of. The working directory is deliberately not here: the operating
/// system resolves relative paths against the process's one directory.
/// </remarks>
internal sealed class CliContext
{
    private static readonly AsyncLocal<CliContext?> Running = new();

    private readonly Func<Stream> _openStandardInput;
    private readonly Func<Stream> _openStandardOutput;
    private readonly Func<string, string?> _variable;
    private readonly Lazy<IAnsiConsole> _prompts;

    /// <summary>A context over the given streams and variables.</summary>
    /// <param name="input">Standard input as text.</param>
    /// <param name="openStandardInput">Standard input as bytes; the caller disposes what it returns.</param>
    /// <param name="output">Standard output as text.</param>
    /// <param name="openStandardOutput">Standard output as bytes; the caller disposes what it returns.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="variable">The value of an environment variable, or null when unset.</param>
    /// <param name="isTerminal">True when standard input and standard error are a person's terminal, so prompts can be answered.</param>
    /// <param name="console">Where tables and text go; null for a plain one over <paramref name="output"/> (and prompts over <paramref name="error"/>).</param>
    public CliContext(
        TextReader input,
        Func<Stream> openStandardInput,
        TextWriter output,
        Func<Stream> openStandardOutput,
        TextWriter error,
        Func<string, string?> variable,
        bool isTerminal,
        IAnsiConsole? console = null)
    {
        In = input;
        _openStandardInput = openStandardInput;
        Out = output;
        _openStandardOutput = openStandardOutput;
        Error = error;
        _variable = variable;
        IsTerminal = isTerminal;
        Console = console ?? Plain(output);
        _prompts = new(() => console is null ? Plain(error) : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) }));
    }

    /// <summary>The context of the run in progress on this asynchronous flow.</summary>
    /// <exception cref="InvalidOperationException">No run is in progress.</exception>
    public static CliContext Current =>
        Running.Value ?? throw new InvalidOperationException("No debtshield run is in progress on this flow.");

    /// <summary>Standard input as text.</summary>
    public TextReader In { get; }

    /// <summary>Standard output as text.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error: messages for the user, so that standard output stays the result.</summary>
    public TextWriter Error { get; }

    /// <summary>Standard output for tables and styled text.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Where questions are asked: standard error, so that standard output stays the command's result.</summary>
    public IAnsiConsole Prompts => _prompts.Value;

    /// <summary>True when a person can answer prompts: input and the prompts' stream are a terminal.</summary>
    public bool IsTerminal { get; }

    /// <summary>The context of this process: its console and its environment.</summary>
    public static CliContext OfProcess() => new(
        System.Console.In,
        System.Console.OpenStandardInput,
        System.Console.Out,
        System.Console.OpenStandardOutput,
        System.Console.Error,
        Environment.GetEnvironmentVariable,
        !System.Console.IsInputRedirected && !System.Console.IsErrorRedirected,
        AnsiConsole.Console);

    /// <summary>Standard input as bytes, for the caller to dispose.</summary>
    public Stream OpenStandardInput() => _openStandardInput();

    /// <summary>Standard output as bytes, for the caller to dispose.</summary>
    public Stream OpenStandardOutput() => _openStandardOutput();

    /// <summary>The environment variable <paramref name="name"/>, or null when it is unset.</summary>
    public string? Variable(string name) => _variable(name);

    /// <summary>
    /// Where the ledger lives when neither <c>--db</c> nor <c>DEBTSHIELD_DB</c> says: in this run's
    /// <c>XDG_DATA_HOME</c> when it names a folder (as .NET reads it on Linux), else the platform's default.
    /// </summary>
    public string DefaultLedgerFile() =>
        !OperatingSystem.IsWindows() && !OperatingSystem.IsMacOS() && Variable("XDG_DATA_HOME") is { Length: > 0 } home && Path.IsPathRooted(home)
            ? LedgerAddress.DefaultFileIn(home)
            : LedgerAddress.DefaultFile();

    /// <summary>
    /// A console over streams that are not a terminal, as when the program's output is piped: no
    /// escape codes, no colours, nothing interactive (the detection would look at this process's
    /// own console instead).
    /// </summary>
    private static IAnsiConsole Plain(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });

    /// <summary>Makes this the context of the calling asynchronous flow, until the flow returns.</summary>
    internal void Enter() => Running.Value = this;
}
