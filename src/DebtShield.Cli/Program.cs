using DebtShield.Cli;

// The `debtshield` command. Exit codes: 0 success, 1 user error (one line on stderr), 2 internal error.
args = UiLanguage.Apply(args);
return await DebtShieldApp.Create(TimeProvider.System).RunAsync(args);
