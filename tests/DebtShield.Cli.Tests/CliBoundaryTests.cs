using DebtShield.Tests.Shared.Architecture;

namespace DebtShield.Cli.Tests;

/// <summary>The <c>debtshield</c> program's assembly against the rules of <c>docs/architecture.md</c> for a host.</summary>
public sealed class CliBoundaryTests() : HostBoundaryRules(typeof(DebtShieldApp).Assembly);
