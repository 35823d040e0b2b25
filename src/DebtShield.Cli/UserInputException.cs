namespace DebtShield.Cli;

/// <summary>
/// A mistake in what the user gave the command (a missing file, an invalid loan file). The
/// message is complete and localised; it is printed as one line and the command exits with 1.
/// </summary>
internal sealed class UserInputException(string message) : Exception(message);
