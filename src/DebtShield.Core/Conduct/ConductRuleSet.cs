using DebtShield.Core.Vocabulary;

namespace DebtShield.Core.Conduct;

/// <summary>
/// The lexicon (<c>lexicon.txt</c>: word classes) and the rules (<c>rules.txt</c>) of the
/// analyser, parsed and compiled once into one <see cref="PatternAutomaton"/>. Read-only after
/// construction; share one instance.
/// </summary>
/// <remarks>
/// A rule has an id, a label, a one-line explanation, citations and one or more <c>match:</c>
/// patterns. A pattern is one element, or elements joined by <c>…</c> (in this order, close
/// together, in one sentence) or by <c>&amp;</c> (any order, in one sentence). An element is a
/// word or a word class written <c>{CLASS}</c>.
/// <para>
/// A word of a class may name, after it, the longer words it is no part of, each after <c>!</c>: <c>请 !申请 !邀请</c>.
/// Chinese has no spaces to end a word at, so a short class word also stands inside longer words that mean something
/// else — the advice 请 inside 申请 ("我们将申请通知你的家人" is no advice to the reader). Where one of the longer words
/// stands over it, the short word is not that class's; every class may say so for any of its words.
/// </para>
/// </remarks>
public sealed class ConductRuleSet
{
    /// <summary>The word class of negations ("不会", "不得"): a negated trigger does not fire.</summary>
    public const string NegationClass = "NEGATION";

    /// <summary>The word class of reported speech ("他说"): what follows in the sentence is quoted, not said.</summary>
    public const string ReportedClass = "REPORTED";

    /// <summary>
    /// The word class of acts of telling ("告诉", "通知"), if the lexicon has it: a negated act covers the
    /// people it names right after it ("我们不会把您的情况告诉您的同事"), not only itself.
    /// </summary>
    public const string TellingClass = "DISCLOSE";

    /// <summary>The word class of acts of telling said as done ("已通知", "联系过"), if the lexicon has it; negated, as <see cref="TellingClass"/>.</summary>
    public const string ToldClass = "TOLD";

    /// <summary>The word class of the people and circles an act of telling names ("同事", "家人"), if the lexicon has it.</summary>
    public const string PeopleClass = "CONTACTS";

    /// <summary>
    /// The word class of repaying and dealing with the debt ("还款", "处理"), if the lexicon has it: a negation right
    /// before one opens a condition ("没有还款就…") and negates the repayment, not what follows the condition.
    /// </summary>
    public const string RepayingClass = "REPAYING";

    /// <summary>The word class of the words that close a condition and open its consequence ("就", "的话", "否则"), if the lexicon has it.</summary>
    public const string ThenClass = "THEN";

    /// <summary>
    /// The word class of conditions and ultimatums ("否则", "不然"), if the lexicon has it: one between a negation and a
    /// trigger ends the negation's reach ("不得拖欠否则通知你的家人" threatens).
    /// </summary>
    public const string IfNotClass = "IF_NOT";

    /// <summary>
    /// The word class of advice to the borrower ("记得", "您可以"), if the lexicon has it: right before an act of telling
    /// in its clause, the act is the borrower's own ("记得告诉家人提醒您"), not a threat by the sender, and it covers the
    /// people it names as a negated act does.
    /// </summary>
    public const string AdviceClass = "ADVICE";

    /// <summary>
    /// The word class of prohibitions ("严禁", "禁止"), if the lexicon has it: a rule quoted in a notice forbids what
    /// follows it in its clause ("严禁催收人员联系借款人的亲友"), however far, until a condition's close
    /// (<see cref="ThenClass"/>: "严禁拖欠否则…") starts something else.
    /// </summary>
    public const string ProhibitionClass = "PROHIBITION";

    /// <summary>
    /// The word class of help ("帮您周转", "商量"), if the lexicon has it: right after one of the borrower's people in its
    /// clause, the people are named as help ("可以让家人帮您周转一下"), which the labelling guide's rule 8 calls no pressure, so
    /// they no longer withhold a lawful reminder (<c>unless-anywhere:</c>) — unless a condition stands before them in their
    /// sentence ("再不还就让你家人帮你还").
    /// </summary>
    public const string HelpClass = "HELP";

    /// <summary>
    /// The word class of the court steps a lender may lawfully take ("法院", "强制执行", "冻结"), if the lexicon has it: a sign
    /// of a legal step that withholds a lawful reminder (<c>unless-anywhere:</c>), unless <see cref="LawfulStepClass"/>
    /// says it as the lender's possible recourse to the court.
    /// </summary>
    public const string CourtStepClass = "COURT_STEP";

    /// <summary>
    /// The word class of the lender's recourse to the court ("申请", "向法院", "可能会", "不排除"), if the lexicon has it:
    /// before a <see cref="CourtStepClass"/> word in its clause, the step is said as a possibility or an application
    /// to the court — the labelling guide's true statement of lawful next steps (rule 3) — and no longer withholds a lawful
    /// reminder ("银行可能会申请强制执行"); said as done, or with an arrest, the police or a visit, the step still does.
    /// </summary>
    public const string LawfulStepClass = "LAWFUL_STEP";

    internal ConductRuleSet(
        ConductNormalizer normalizer,
        PatternAutomaton automaton,
        int[][] termAtoms,
        TermBlock[][] termBlocks,
        int atomCount,
        int negationAtom,
        int reportedAtom,
        int[] tellingAtoms,
        int peopleAtom,
        (int Repaying, int Then) conditionAtoms,
        (int Advice, int Prohibition, int IfNot, int Help) cueAtoms,
        (int CourtStep, int LawfulStep) stepAtoms,
        IReadOnlyList<ConductRule> rules)
    {
        Normalizer = normalizer;
        Automaton = automaton;
        TermAtoms = termAtoms;
        TermBlocks = termBlocks;
        HasTermBlocks = termBlocks.Any(b => b.Length > 0);
        AtomCount = atomCount;
        NegationAtom = negationAtom;
        ReportedAtom = reportedAtom;
        TellingAtoms = tellingAtoms;
        PeopleAtom = peopleAtom;
        (RepayingAtom, ThenAtom) = conditionAtoms;
        (AdviceAtom, ProhibitionAtom, IfNotAtom, HelpAtom) = cueAtoms;
        (CourtStepAtom, LawfulStepAtom) = stepAtoms;
        Rules = rules;
        RuleArray = [.. rules];
        var index = RuleArray.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        YieldArray = [.. RuleArray.Select(r => r.YieldsTo.Select(id => index[id]).ToArray())];
        KeyAtomRules = KeyAtomsOf(RuleArray, atomCount);
        AbuseAtoms = new bool[atomCount];
        foreach (var atom in RuleArray.Where(r => r.Label == ConductLabel.Insult).SelectMany(r => r.PatternArray).SelectMany(p => p.AtomArray))
        {
            AbuseAtoms[atom] = true;
        }
    }

    /// <summary>The normaliser the rules were compiled with.</summary>
    public ConductNormalizer Normalizer { get; }

    /// <summary>Every rule, in file order.</summary>
    public IReadOnlyList<ConductRule> Rules { get; }

    internal ConductRule[] RuleArray { get; }

    internal PatternAutomaton Automaton { get; }

    internal int[][] TermAtoms { get; }

    /// <summary>
    /// For each term of the automaton, the class words it blocks where it stands over them (<c>请 !申请</c>: the term
    /// 申请 blocks 请 of its class one character in); empty for most terms.
    /// </summary>
    internal TermBlock[][] TermBlocks { get; }

    /// <summary>True when some class word names longer words that block it, so the analyser must look for them.</summary>
    internal bool HasTermBlocks { get; }

    internal int AtomCount { get; }

    internal int NegationAtom { get; }

    internal int ReportedAtom { get; }

    /// <summary>The atoms of <see cref="TellingClass"/> and <see cref="ToldClass"/>, those the lexicon defines.</summary>
    internal int[] TellingAtoms { get; }

    /// <summary>The atom of <see cref="PeopleClass"/>, or -1 when the lexicon has none.</summary>
    internal int PeopleAtom { get; }

    /// <summary>The atom of <see cref="RepayingClass"/>, or -1 when the lexicon has none.</summary>
    internal int RepayingAtom { get; }

    /// <summary>The atom of <see cref="ThenClass"/>, or -1 when the lexicon has none.</summary>
    internal int ThenAtom { get; }

    /// <summary>The atom of <see cref="AdviceClass"/>, or -1 when the lexicon has none.</summary>
    internal int AdviceAtom { get; }

    /// <summary>The atom of <see cref="ProhibitionClass"/>, or -1 when the lexicon has none.</summary>
    internal int ProhibitionAtom { get; }

    /// <summary>The atom of <see cref="IfNotClass"/>, or -1 when the lexicon has none.</summary>
    internal int IfNotAtom { get; }

    /// <summary>The atom of <see cref="HelpClass"/>, or -1 when the lexicon has none.</summary>
    internal int HelpAtom { get; }

    /// <summary>The atom of <see cref="CourtStepClass"/>, or -1 when the lexicon has none.</summary>
    internal int CourtStepAtom { get; }

    /// <summary>The atom of <see cref="LawfulStepClass"/>, or -1 when the lexicon has none.</summary>
    internal int LawfulStepAtom { get; }

    /// <summary>For each rule of <see cref="RuleArray"/>, the indexes of the rules it yields to (<c>yields-to:</c>).</summary>
    internal int[][] YieldArray { get; }

    /// <summary>
    /// For each atom, the rules (indexes of <see cref="RuleArray"/>, ascending) with a pattern whose key atom it is. A
    /// pattern matches only where all its atoms are present, so one of them stands for it: the one the fewest patterns
    /// name, as the likeliest to be absent. The analyser tries only the rules of the atoms a message holds.
    /// </summary>
    internal int[][] KeyAtomRules { get; }

    /// <summary>
    /// For each atom, true when an <c>insult</c> rule's pattern names it. Quotation marks around abuse are emphasis
    /// ("你这个“无耻老赖”"), however many words they hold: the sender says it. Reported speech still reports it.
    /// </summary>
    internal bool[] AbuseAtoms { get; }

    private static int[][] KeyAtomsOf(ConductRule[] rules, int atomCount)
    {
        var uses = new int[atomCount];
        foreach (var atom in rules.SelectMany(r => r.PatternArray).SelectMany(p => p.AtomArray.Distinct()))
        {
            uses[atom]++;
        }

        var byAtom = new SortedSet<int>[atomCount];
        for (var r = 0; r < rules.Length; r++)
        {
            foreach (var pattern in rules[r].PatternArray)
            {
                var key = pattern.AtomArray.MinBy(atom => uses[atom]);
                (byAtom[key] ??= []).Add(r);
            }
        }

        return [.. byAtom.Select(set => set is null ? Array.Empty<int>() : [.. set])];
    }

    /// <summary>Parses and compiles the lexicon and the rules.</summary>
    /// <exception cref="FormatException">A line is malformed, a class unknown or a label misspelt; the message names file and line.</exception>
    public static ConductRuleSet Parse(ConductNormalizer normalizer, string lexicon, string rules)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(rules);
        var builder = new Builder(normalizer);
        builder.ReadLexicon(lexicon);
        builder.ReadRules(rules);
        return builder.Build();
    }

    internal static ConductExplanation ParseExplanation(string value)
    {
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        return bar < 0
            ? throw new FormatException("explain: needs Chinese | English")
            : new ConductExplanation(value[..bar].Trim(), value[(bar + 1)..].Trim());
    }

    internal static string[] ParseCitations(string value) =>
        value.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private sealed class Builder(ConductNormalizer normalizer)
    {
        private const string LexiconFile = "lexicon.txt";
        private const string RulesFile = "rules.txt";
        private readonly Dictionary<string, int> _classes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _literals = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<int>> _terms = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<(string Word, int Atom, int Offset)>> _blockers = new(StringComparer.Ordinal);
        private readonly List<ConductRule> _rules = [];
        private int _atoms;

        public void ReadLexicon(string text)
        {
            int? current = null;
            foreach (var (lineNumber, line) in ConductDataLine.Significant(text))
            {
                if (line.StartsWith('['))
                {
                    var close = line.IndexOf(']', StringComparison.Ordinal);
                    if (close < 2)
                    {
                        throw ConductDataLine.Error(LexiconFile, lineNumber, "a class starts with [NAME]");
                    }

                    var name = line[1..close];
                    if (_classes.ContainsKey(name))
                    {
                        throw ConductDataLine.Error(LexiconFile, lineNumber, "class defined twice: " + name);
                    }

                    current = _classes[name] = _atoms++;
                    continue;
                }

                if (current is null)
                {
                    throw ConductDataLine.Error(LexiconFile, lineNumber, "a word before the first [CLASS]");
                }

                var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                var word = AddTerm(fields[0], current.Value, LexiconFile, lineNumber);
                foreach (var field in fields.AsSpan(1))
                {
                    AddBlocker(word, field, current.Value, lineNumber);
                }
            }

            foreach (var required in new[] { NegationClass, ReportedClass })
            {
                if (!_classes.ContainsKey(required))
                {
                    throw Reading.DataFileException.OfWhole(LexiconFile, "the class [" + required + "] is required");
                }
            }
        }

        public void ReadRules(string text)
        {
            RuleDraft? draft = null;
            ConductDataLine.ReadSections(
                text,
                RulesFile,
                (lineNumber, id) =>
                {
                    Finish(draft);
                    draft = new RuleDraft(id, lineNumber);
                },
                (key, value) =>
                {
                    var rule = draft!;
                    switch (key)
                    {
                        case "label":
                            rule.Label = ConductLabels.TryParse(value, out var label) && !label.IsMetadata()
                                ? label
                                : throw new FormatException("unknown label " + value);
                            break;
                        case "explain":
                            rule.Explanation = ParseExplanation(value);
                            break;
                        case "cite":
                            rule.Citations.AddRange(ParseCitations(value));
                            break;
                        case "recipient":
                            foreach (var id in value.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                            {
                                rule.Recipients.Add(Vocabularies.Recipients.Parse(id) ?? throw new FormatException("unknown recipient " + id + " (borrower, third_party or unknown)"));
                            }

                            break;
                        case "unless":
                            foreach (var word in value.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                            {
                                rule.Unless.Add(Atom(word));
                            }

                            break;
                        case "yields-to":
                            rule.YieldsTo.AddRange(value.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                            break;
                        case "unless-anywhere":
                            foreach (var word in value.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                            {
                                rule.UnlessAnywhere.Add(Atom(word));
                            }

                            break;
                        case "match":
                            rule.Patterns.Add(ParsePattern(value));
                            break;
                        default:
                            throw new FormatException("unknown key " + key);
                    }
                });

            Finish(draft);
        }

        public ConductRuleSet Build()
        {
            var terms = _terms.Keys.Concat(_blockers.Keys.Where(b => !_terms.ContainsKey(b))).ToList();
            var automaton = new PatternAutomaton(terms);
            var termAtoms = terms.Select(t => _terms.TryGetValue(t, out var atoms) ? atoms.Order().ToArray() : []).ToArray();
            var termIndex = terms.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
            var termBlocks = terms
                .Select(t => _blockers.TryGetValue(t, out var blocked) ? blocked.Select(b => new TermBlock(termIndex[b.Word], b.Atom, b.Offset)).ToArray() : [])
                .ToArray();
            int[] telling = [.. new[] { TellingClass, ToldClass }.Where(_classes.ContainsKey).Select(c => _classes[c])];
            var condition = (_classes.GetValueOrDefault(RepayingClass, -1), _classes.GetValueOrDefault(ThenClass, -1));
            var cues = (_classes.GetValueOrDefault(AdviceClass, -1), _classes.GetValueOrDefault(ProhibitionClass, -1), _classes.GetValueOrDefault(IfNotClass, -1), _classes.GetValueOrDefault(HelpClass, -1));
            var steps = (_classes.GetValueOrDefault(CourtStepClass, -1), _classes.GetValueOrDefault(LawfulStepClass, -1));
            foreach (var rule in _rules)
            {
                foreach (var id in rule.YieldsTo)
                {
                    if (id == rule.Id || !_rules.Exists(r => r.Id == id))
                    {
                        throw new FormatException(RulesFile + ": rule " + rule.Id + " yields to " + id + ", which is not another rule of the file");
                    }
                }
            }

            return new ConductRuleSet(normalizer, automaton, termAtoms, termBlocks, _atoms, _classes[NegationClass], _classes[ReportedClass], telling, _classes.GetValueOrDefault(PeopleClass, -1), condition, cues, steps, _rules);
        }

        private RulePattern ParsePattern(string value)
        {
            var ordered = value.Contains('…', StringComparison.Ordinal) || value.Contains("...", StringComparison.Ordinal);
            var unordered = value.Contains('&', StringComparison.Ordinal);
            if (ordered && unordered)
            {
                throw new FormatException("a pattern joins its parts with … or with &, not both");
            }

            var parts = value.Replace("...", "…", StringComparison.Ordinal)
                .Split(['…', '&'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new RulePattern([.. parts.Select(Atom)], Ordered: !unordered);
        }

        private int Atom(string element)
        {
            if (element.StartsWith('{') && element.EndsWith('}'))
            {
                return _classes.TryGetValue(element[1..^1], out var id)
                    ? id
                    : throw new FormatException("unknown word class " + element);
            }

            if (!_literals.TryGetValue(element, out var literal))
            {
                literal = _literals[element] = _atoms++;
                AddTerm(element, literal, RulesFile, 0);
            }

            return literal;
        }

        private string AddTerm(string word, int atom, string file, int lineNumber)
        {
            var normalized = normalizer.Normalize(word).Text;
            if (normalized.Length == 0)
            {
                throw ConductDataLine.Error(file, lineNumber, "empty word");
            }

            if (!_terms.TryGetValue(normalized, out var atoms))
            {
                atoms = _terms[normalized] = [];
            }

            atoms.Add(atom);
            return normalized;
        }

        /// <summary>
        /// Records <paramref name="field"/> (<c>!申请</c>) as a longer word that <paramref name="word"/> of the class
        /// <paramref name="atom"/> is no part of, at every place the word stands in it.
        /// </summary>
        private void AddBlocker(string word, string field, int atom, int lineNumber)
        {
            var blocker = field.Length > 1 && field[0] == '!' ? normalizer.Normalize(field[1..]).Text : string.Empty;
            if (blocker.Length == 0)
            {
                throw ConductDataLine.Error(LexiconFile, lineNumber, "after the word, only the longer words it is no part of, each after ! (请 !申请): " + field);
            }

            if (blocker.Length <= word.Length || !blocker.Contains(word, StringComparison.Ordinal))
            {
                throw ConductDataLine.Error(LexiconFile, lineNumber, "!" + field[1..] + " must be a longer word that holds " + word);
            }

            if (!_blockers.TryGetValue(blocker, out var blocked))
            {
                blocked = _blockers[blocker] = [];
            }

            for (var at = blocker.IndexOf(word, StringComparison.Ordinal); at >= 0; at = blocker.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                blocked.Add((word, atom, at));
            }
        }

        private void Finish(RuleDraft? draft)
        {
            if (draft is null)
            {
                return;
            }

            if (draft.Label is null || draft.Explanation is null || draft.Patterns.Count == 0)
            {
                throw ConductDataLine.Error(RulesFile, draft.Line, "rule " + draft.Id + " needs label:, explain: and at least one match:");
            }

            if (draft.Label != ConductLabel.LawfulReminder && draft.Citations.Count == 0)
            {
                throw ConductDataLine.Error(RulesFile, draft.Line, "rule " + draft.Id + " needs cite:");
            }

            if (_rules.Any(r => r.Id == draft.Id))
            {
                throw ConductDataLine.Error(RulesFile, draft.Line, "rule id used twice: " + draft.Id);
            }

            _rules.Add(new ConductRule(draft.Id, draft.Label.Value, draft.Explanation, draft.Citations, [.. draft.Recipients.Distinct()], [.. draft.Unless], draft.Patterns)
            {
                UnlessAnywhere = [.. draft.UnlessAnywhere],
                YieldsTo = [.. draft.YieldsTo],
            });
        }

        private sealed class RuleDraft(string id, int line)
        {
            public string Id { get; } = id;

            public int Line { get; } = line;

            public ConductLabel? Label { get; set; }

            public ConductExplanation? Explanation { get; set; }

            public List<string> Citations { get; } = [];

            public List<Recipient> Recipients { get; } = [];

            public List<int> Unless { get; } = [];

            public List<int> UnlessAnywhere { get; } = [];

            public List<string> YieldsTo { get; } = [];

            public List<RulePattern> Patterns { get; } = [];
        }
    }
}

/// <summary>One rule of <c>rules.txt</c>.</summary>
/// <param name="Id">The rule id, such as <c>threat_exposure.tell-contacts</c>.</param>
/// <param name="Label">The label it gives.</param>
/// <param name="Explanation">The one-line explanation.</param>
/// <param name="Citations">Citation ids.</param>
/// <param name="Recipients">
/// The recipients the rule applies to (<c>recipient:</c>); empty for any. The debt named to someone else is a disclosure
/// whatever its words (<c>third_party</c>); a message that addresses its reader as the borrower's contact is one unless
/// the reader is known to be the borrower (<c>third_party / unknown</c>): to the borrower, "您的紧急联系人" is the
/// borrower's own contact, mentioned, not told (labelling guide, rule 8).
/// </param>
/// <param name="Unless">Atoms that, anywhere in the same sentence, keep the rule from firing (see also <see cref="UnlessAnywhere"/>).</param>
/// <param name="Patterns">The patterns; the first that matches gives the finding.</param>
public sealed record ConductRule(
    string Id,
    ConductLabel Label,
    ConductExplanation Explanation,
    IReadOnlyList<string> Citations,
    IReadOnlyList<Recipient> Recipients,
    IReadOnlyList<int> Unless,
    IReadOnlyList<RulePattern> Patterns)
{
    /// <summary>The recipients as bits (1 &lt;&lt; recipient), 0 for any, so the hot path tests one number.</summary>
    private readonly int _recipientBits = Recipients.Aggregate(0, static (bits, r) => bits | (1 << (int)r));

    /// <summary>True when the rule applies to a message sent to <paramref name="recipient"/>.</summary>
    internal bool AppliesTo(Recipient recipient) => _recipientBits == 0 || (_recipientBits & (1 << (int)recipient)) != 0;

    /// <summary>The patterns as an array, so the hot path iterates without allocating.</summary>
    internal RulePattern[] PatternArray { get; } = [.. Patterns];

    /// <summary>The vetoing atoms as an array.</summary>
    internal int[] UnlessArray { get; } = [.. Unless];

    /// <summary>
    /// Atoms that, anywhere in the message, keep the rule from firing (<c>unless-anywhere:</c>). A
    /// sentence is too narrow for some vetoes: a lawful reminder's wording and the veiled threat that
    /// makes the message no lawful reminder ("…请尽快还款。否则后果自负。") often stand in different sentences.
    /// </summary>
    public IReadOnlyList<int> UnlessAnywhere
    {
        get => UnlessAnywhereArray;
        init => UnlessAnywhereArray = [.. value];
    }

    /// <summary>The message-wide vetoing atoms as an array.</summary>
    internal int[] UnlessAnywhereArray { get; private init; } = [];

    /// <summary>
    /// The ids of the rules this one yields to (<c>yields-to:</c>): in a sentence where one of them fires, this one does
    /// not. The threats of exposure yield to the disclosure already told, since a telling that is done is no threat of
    /// one (labelling guide, rule 8), however the sentence says it is done.
    /// </summary>
    public IReadOnlyList<string> YieldsTo { get; init; } = [];
}

/// <summary>A longer word's block on a class word inside it (<c>请 !申请</c>).</summary>
/// <param name="Term">The automaton's term of the class word it blocks (请).</param>
/// <param name="Atom">The class whose word it blocks; the same word in another class, or in a rule, still counts.</param>
/// <param name="Offset">Where the class word starts inside the longer word (1 for 请 in 申请).</param>
internal readonly record struct TermBlock(int Term, int Atom, int Offset);

/// <summary>A pattern: atoms (word classes or words) in order, or in any order, in one sentence.</summary>
/// <param name="Atoms">The atoms.</param>
/// <param name="Ordered">True for <c>…</c> (in order, close together); false for <c>&amp;</c>.</param>
public sealed record RulePattern(IReadOnlyList<int> Atoms, bool Ordered)
{
    /// <summary>The atoms as an array, so the hot path iterates without allocating.</summary>
    internal int[] AtomArray { get; } = [.. Atoms];
}
