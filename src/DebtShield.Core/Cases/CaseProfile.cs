namespace DebtShield.Core.Cases;

/// <summary>Placeholder until the case-file branch lands (same shape).</summary>
public sealed record CaseProfile(string Title, string? BorrowerName, string? BorrowerPhone, string? BorrowerIdNumber, string? Notes);
