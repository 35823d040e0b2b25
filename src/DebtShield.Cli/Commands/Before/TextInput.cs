using System.Globalization;
using DebtShield.Cli.Resources;

namespace DebtShield.Cli.Commands.Before;

/// <summary>The text a "before borrowing" command reads: a file, or standard input for <c>-</c>.</summary>
internal static class TextInput
{
    /// <summary>True when <paramref name="argument"/> means standard input.</summary>
    public static bool IsStandardInput(string? argument) => argument == DebtShieldApp.StandardInputArgument;

    /// <summary>Reads standard input, or checks that the file exists and returns its path.</summary>
    public static async Task<(string? Text, string? Path)> OpenAsync(string argument, CancellationToken cancellationToken)
    {
        if (IsStandardInput(argument))
        {
            return (await CliContext.Current.In.ReadToEndAsync(cancellationToken), null);
        }

        return File.Exists(argument)
            ? (null, argument)
            : throw new UserInputException(string.Format(CultureInfo.CurrentCulture, CliText.Error_InputNotFound, argument));
    }
}
