namespace DebtShield.Core.Conduct;

/// <summary>
/// What a finding rests on: the rule's one-line explanation and the citations behind it, looked up
/// again from the rule id a stored finding keeps (<see cref="ConductAnalyzer.BasisOf"/>).
/// </summary>
/// <param name="Explanation">Why the rule is a problem. For a learned finding it keeps a <c>{0}</c> for the words that weighed most.</param>
/// <param name="Citations">Citation ids from <c>data/law/citations.json</c>.</param>
/// <param name="Learned">True when the label came from the learned model, not from a written rule.</param>
public sealed record ConductBasis(ConductExplanation Explanation, IReadOnlyList<string> Citations, bool Learned);
