using DebtShield.Cli;

// The `debtshield` command. Exit codes: 0 success, 1 user error (one line on stderr), 2 internal error.
// Everything but the console and the environment happens in DebtShieldApp.RunAsync, which the
// tests call in process with their own context.
return await DebtShieldApp.Create(TimeProvider.System, CliContext.OfProcess()).RunAsync(args);
