using System.Globalization;

namespace DebtShield.Core.Conduct;

/// <summary>
/// Labels a collection message with the rules it breaks: normalises the text, finds every
/// lexicon term in one automaton pass, drops triggers that are negated ("我们不会联系您的家人"),
/// quoted or reported ("他说会…"), matches the rules' patterns within sentences, and adds the
/// metadata labels from the recipient and the time. Thread-safe; build one and share it.
/// </summary>
/// <remarks>
/// Precision first: a lawful reminder wrongly labelled as abuse would hurt the borrower who
/// files it in a complaint. So a trigger fires only when nothing in its clause negates it, and
/// <c>lawful_reminder</c> is given only when no other text label applies and the message went
/// to the borrower (or to someone unknown). Abuse called lawful would hurt as much, so the
/// lawful rule of <c>rules.txt</c> also stops at any sign of a pressure the labelling guide names:
/// a threat the rules miss comes out with no label, never as a lawful reminder.
/// </remarks>
public sealed class ConductAnalyzer
{
    /// <summary>How far (normalised characters) a negation may stand before the trigger it negates.</summary>
    private const int NegationReach = 6;

    /// <summary>
    /// How far (normalised characters) after a negation a repayment may start and still be the verb it governs:
    /// the manner between them ("没有按时还款", "没有按照约定处理").
    /// </summary>
    private const int ConditionActReach = 4;

    /// <summary>How far after a negated act of telling the people it names may start (您的, 你的任何).</summary>
    private const int NegatedObjectReach = 4;

    /// <summary>How far (normalised characters) after one of the borrower's people a word of help may start and still name them as help.</summary>
    private const int HelpReach = 8;

    /// <summary>The largest gap between consecutive parts of an ordered (…) pattern.</summary>
    private const int OrderedGap = 16;

    /// <summary>The longest stretch an unordered (&amp;) pattern may cover.</summary>
    private const int UnorderedSpan = 40;

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Creates an analyser from compiled rules, the contact policy and, if given, the learned model.</summary>
    public ConductAnalyzer(ConductRuleSet rules, ContactPolicy policy, NgramModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(policy);
        Rules = rules;
        Policy = policy;
        Model = model;
    }

    /// <summary>The compiled rules.</summary>
    public ConductRuleSet Rules { get; }

    /// <summary>Hours and daily limits.</summary>
    public ContactPolicy Policy { get; }

    /// <summary>The learned n-gram model that adds labels the rules miss, if any.</summary>
    public NgramModel? Model { get; }

    /// <summary>
    /// The explanation and citations behind the rule <paramref name="rule"/> of a finding with
    /// <paramref name="label"/>, as the data files of this analyser state them. Stored findings keep
    /// only their rule id, so every view that explains a stored label asks here and the wording
    /// follows the data. Null when the rule is not in these files (an entry labelled by an analyser
    /// whose rules have since been renamed or removed): a caller says so rather than guess.
    /// </summary>
    public ConductBasis? BasisOf(string rule, ConductLabel label)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule == "model." + label.Id())
        {
            var sameLabel = Rules.RuleArray.FirstOrDefault(r => r.Label == label);
            return Model is null || sameLabel is null ? null : new ConductBasis(Model.Explanation, sameLabel.Citations, Learned: true);
        }

        var written = Rules.RuleArray.FirstOrDefault(r => r.Id == rule && r.Label == label);
        if (written is not null)
        {
            return new ConductBasis(written.Explanation, written.Citations, Learned: false);
        }

        return label.IsMetadata() && Policy.Rules.TryGetValue(rule, out var policy)
            ? new ConductBasis(policy.Explanation, policy.Citations, Learned: false)
            : null;
    }

    /// <summary>Analyses the text of a message sent to <paramref name="recipient"/>.</summary>
    public ConductAnalysis Analyze(string text, Recipient recipient = Recipient.Unknown) =>
        Analyze(new ConductMessage(text, recipient));

    /// <summary>Analyses a message: its text, recipient, time and place in the day's contacts.</summary>
    public ConductAnalysis Analyze(ConductMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.Text);
        var labels = ReadText(message, out var findings);
        return Complete(message, findings, labels);
    }

    /// <summary>
    /// Reads what the words of <paramref name="message"/> say, to its recipient: everything of its analysis but the
    /// labels of its time and counts, which <see cref="Analyze(ConductReading, ConductMessage)"/> adds.
    /// </summary>
    /// <remarks>
    /// A message's counts (<see cref="ConductMessage.ContactNumberToday"/>, <see cref="ConductMessage.MessagesThisHour"/>)
    /// are known only in the order its sender sent them, but they change nothing in the reading of its words. So a batch
    /// reads its lines on every core and, in input order, completes each with its counts: the costly part runs in
    /// parallel, and nothing is read twice.
    /// </remarks>
    public ConductReading Read(ConductMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.Text);
        var labels = ReadText(message, out var findings);
        return new ConductReading(message.Text, message.Recipient, findings is null ? [] : [.. findings], labels);
    }

    /// <summary>
    /// The analysis of <paramref name="message"/> from its <paramref name="reading"/>: the same as
    /// <see cref="Analyze(ConductMessage)"/>, finding for finding and in the same order, since the same steps finish it.
    /// </summary>
    /// <exception cref="ArgumentException">The reading is of another text or recipient.</exception>
    public ConductAnalysis Analyze(ConductReading reading, ConductMessage message)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Recipient != reading.Recipient || !string.Equals(message.Text, reading.Text, StringComparison.Ordinal))
        {
            throw new ArgumentException("the reading is of another message", nameof(reading));
        }

        List<ConductFinding>? findings = null;
        if (reading.TextFindings.Length > 0)
        {
            // Room for the findings of the recipient, the hour and the count, so that adding them does not grow the list.
            findings = new List<ConductFinding>(reading.TextFindings.Length + 3);
            findings.AddRange(reading.TextFindings);
        }

        return Complete(message, findings, reading.TextLabels);
    }

    /// <summary>The findings and labels of the text alone (the rules, the model), as <see cref="Read"/> describes.</summary>
    private int ReadText(ConductMessage message, out List<ConductFinding>? findings)
    {
        var scratch = t_scratch ??= new Scratch();
        scratch.Reset(Rules.AtomCount, Rules.RuleArray.Length);
        var length = Rules.Normalizer.Normalize(message.Text, scratch.Normalization);
        var text = scratch.Normalization.Text.AsSpan(0, length);
        Segment(text, scratch);
        CollectHits(text, scratch);
        Suppress(text, scratch);

        findings = null;
        var labels = 0;
        var ruleArray = Rules.RuleArray;
        var candidates = CandidateRules(scratch);
        foreach (var r in candidates)
        {
            var rule = ruleArray[r];
            if (!rule.AppliesTo(message.Recipient))
            {
                continue;
            }

            foreach (var pattern in rule.PatternArray)
            {
                if (!AllPresent(pattern, scratch) || !TryMatch(pattern, scratch, -1, out var start, out var end)
                    || IsVetoed(rule, scratch, scratch.Sentence[start]) || Yields(r, message.Recipient, scratch, scratch.Sentence[start]))
                {
                    continue;
                }

                var normalization = scratch.Normalization;
                findings ??= [];
                findings.Add(new ConductFinding(
                    rule.Label,
                    normalization.Start[start],
                    normalization.End[end - 1],
                    rule.Id,
                    rule.Explanation,
                    rule.Citations));
                labels |= 1 << (int)rule.Label;
                break;
            }
        }

        // The model cannot tell who is speaking: where the rules saw a quotation, reported speech
        // or a negation, it stays silent (precision first).
        if (Model is { } model && !scratch.Hits.Exists(static h => h.Suppressed))
        {
            AddLearned(model, text, message.Recipient, scratch, ref findings, ref labels);
        }

        const int textAccusations = (1 << (int)ConductLabel.LawfulReminder) - 1;
        if ((labels & (1 << (int)ConductLabel.LawfulReminder)) != 0
            && ((labels & textAccusations) != 0 || message.Recipient == Recipient.ThirdParty))
        {
            findings!.RemoveAll(f => f.Label == ConductLabel.LawfulReminder);
            labels &= ~(1 << (int)ConductLabel.LawfulReminder);
        }

        return labels;
    }

    /// <summary>Adds the labels of the message's recipient, time and counts to its text's, and orders the findings.</summary>
    private ConductAnalysis Complete(ConductMessage message, List<ConductFinding>? findings, int labels)
    {
        AddMetadata(message, ref findings, ref labels);
        if (findings is null)
        {
            return ConductAnalysis.Empty;
        }

        findings.Sort(static (a, b) => a.Label.IsMetadata() != b.Label.IsMetadata()
            ? a.Label.IsMetadata().CompareTo(b.Label.IsMetadata())
            : (a.Start ?? 0) != (b.Start ?? 0) ? (a.Start ?? 0).CompareTo(b.Start ?? 0) : a.Label.CompareTo(b.Label));
        var list = new List<ConductLabel>(4);
        foreach (var label in ConductLabels.All)
        {
            if ((labels & (1 << (int)label)) != 0)
            {
                list.Add(label);
            }
        }

        return new ConductAnalysis(list, findings);
    }

    /// <summary>
    /// The rules that may fire, in file order: those with a pattern whose key atom (<see cref="ConductRuleSet.KeyAtomRules"/>)
    /// the text holds. A pattern needs all its atoms, so a rule left out has no pattern that could match; the rules are
    /// tried in the same order as over the whole file, so the findings are the same.
    /// </summary>
    private List<int> CandidateRules(Scratch scratch)
    {
        var candidates = scratch.Candidates;
        var keyAtomRules = Rules.KeyAtomRules;
        foreach (var atom in scratch.PresentAtoms)
        {
            foreach (var r in keyAtomRules[atom])
            {
                if (scratch.RuleSeen[r] != scratch.Stamp)
                {
                    scratch.RuleSeen[r] = scratch.Stamp;
                    candidates.Add(r);
                }
            }
        }

        candidates.Sort();
        return candidates;
    }

    /// <summary>The normalised form of <paramref name="text"/>, as the rules see it.</summary>
    public NormalizedText Normalize(string text) => Rules.Normalizer.Normalize(text);

    /// <summary>
    /// Adds the abusive labels the rules did not find but the model scores at or above its
    /// threshold; the finding quotes the n-gram that weighed most and names the top three.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Where the rules read a lawful reminder to anyone but a third party, the text names a lawful
    /// step (a lawsuit, a credit report) in the words the guide calls lawful; the model, which learns
    /// from the same words in threats to contacts and in invented consequences, would call it a false
    /// consequence or a fake legal process. The rules' reading stands there (precision first).
    /// </para>
    /// <para>
    /// Nor does the model find a disclosure in a message to the borrower: it learns disclosure from
    /// the lender's name and the overdue debt that every message to a contact carries, and every
    /// reminder to the borrower carries them too. Such a message discloses only when it says the debt
    /// was told to someone, which is the rules' to read (their acts of telling).
    /// </para>
    /// </remarks>
    private void AddLearned(NgramModel model, ReadOnlySpan<char> text, Recipient recipient, Scratch scratch, ref List<ConductFinding>? findings, ref int labels)
    {
        var lawfulStep = recipient != Recipient.ThirdParty && (labels & (1 << (int)ConductLabel.LawfulReminder)) != 0;
        Span<double> scores = stackalloc double[NgramModel.ScoredLabels.Count];
        model.Score(text, scores);
        for (var l = 0; l < scores.Length; l++)
        {
            var label = NgramModel.ScoredLabels[l];
            if (!label.IsAbusive() || scores[l] < model.Thresholds[l] || (labels & (1 << (int)label)) != 0
                || (lawfulStep && label is ConductLabel.FalseConsequences or ConductLabel.FakeLegalProcess)
                || (recipient == Recipient.Borrower && label == ConductLabel.ThirdPartyDisclosure))
            {
                continue;
            }

            var reasons = model.Reasons(text.ToString(), label);
            if (reasons.Count == 0)
            {
                continue;
            }

            var (ngram, start) = reasons[0];
            var quoted = string.Concat(reasons.Select(r => "「" + r.Ngram + "」"));
            var normalization = scratch.Normalization;
            findings ??= [];
            findings.Add(new ConductFinding(
                label,
                normalization.Start[start],
                normalization.End[start + ngram.Length - 1],
                "model." + label.Id(),
                new ConductExplanation(
                    string.Format(CultureInfo.InvariantCulture, model.Explanation.Chinese, quoted),
                    string.Format(CultureInfo.InvariantCulture, model.Explanation.English, quoted)),
                Rules.RuleArray.First(r => r.Label == label).Citations));
            labels |= 1 << (int)label;
        }
    }

    private void AddMetadata(ConductMessage message, ref List<ConductFinding>? findings, ref int labels)
    {
        // A call is a collection contact by itself; a text when it came from a number known to
        // collect this debt, or when its words are about the debt (a courier's text at night is not).
        var collection = message.Channel != ContactChannel.Message || message.FromCollector || labels != 0;
        if (message.Recipient == Recipient.ThirdParty)
        {
            Add(ConductLabel.ThirdPartyContact, Policy.Rules["third_party_contact"], ref findings, ref labels);
        }

        if (collection && message.Time is { } time && Policy.IsOffHours(time))
        {
            Add(ConductLabel.OffHours, Policy.Rules["off_hours"], ref findings, ref labels);
        }

        if (message.ContactNumberToday is { } number && Policy.LimitFor(message.Channel) is { PerDay: { } limit } rule && number > limit)
        {
            Add(ConductLabel.ExcessiveFrequency, rule, ref findings, ref labels);
        }
        else if (collection && message.Channel == ContactChannel.Message && message.MessagesThisHour is { } sent
            && Policy.HourlyMessageLimit is { PerHour: { } most } burst && sent > most)
        {
            Add(ConductLabel.ExcessiveFrequency, burst, ref findings, ref labels);
        }

        static void Add(ConductLabel label, PolicyRule rule, ref List<ConductFinding>? findings, ref int labels)
        {
            findings ??= [];
            findings.Add(new ConductFinding(label, null, null, rule.Id, rule.Explanation, rule.Citations));
            labels |= 1 << (int)label;
        }
    }

    /// <summary>
    /// Splits the text into sentences and clauses and marks its quotations (their vertical forms ﹁﹂﹃﹄ and the
    /// double primes 〝〞〟 as corner brackets). The enumeration comma (、) joins the items
    /// of a list and ends no clause: "严禁向借款人的单位、同事透露欠款信息" is one prohibition, whose reach covers the list. Corner brackets (「」『』) nest; curly and
    /// straight quotation marks pair by kind whichever way they face, since a phone's keyboard often types the same
    /// mark twice (“老赖“, ‘曝光‘): the second closes the first. A quotation left open runs to the end of the text (a
    /// fragment cut off), unless it was opened by a closing mark (” or ’), which alone is an apostrophe or a slip.
    /// </summary>
    private static void Segment(ReadOnlySpan<char> text, Scratch scratch)
    {
        scratch.EnsureText(text.Length);
        int sentence = 0, clause = 0, open = 0, opened = -1;
        bool doubleOpen = false, singleOpen = false, straightOpen = false, openedByClosingMark = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var closes = false;
            switch (c)
            {
                case '「' or '『' or '﹁' or '﹃' or '〝':
                    Open(i, false);
                    break;
                case '」' or '』' or '﹂' or '﹄' or '〞' or '〟':
                    if (open > 0)
                    {
                        Close();
                    }

                    break;
                case '“' or '”':
                    Toggle(ref doubleOpen, i, c == '”');
                    break;
                case '‘' or '’':
                    Toggle(ref singleOpen, i, c == '’');
                    break;
                case '"':
                    Toggle(ref straightOpen, i, false);
                    break;
                default:
                    break;
            }

            scratch.Sentence[i] = sentence;
            scratch.Clause[i] = clause;
            scratch.QuoteOpen[i] = open > 0 ? opened : -1;
            if (closes)
            {
                // Every character of the quotation learns how long it is.
                var length = QuotedLength(text[(opened + 1)..i]);
                for (var k = opened + 1; k < i; k++)
                {
                    scratch.QuoteLength[k] = length;
                }
            }

            switch (c)
            {
                case '。' or '!' or '?' or ';' or '\n' or '\r' or '…':
                    sentence++;
                    clause++;
                    break;
                case ',' or ':' or '，' or '：' or '～' or '~':
                    clause++;
                    break;
                default:
                    break;
            }

            void Toggle(ref bool kindOpen, int at, bool closingMark)
            {
                kindOpen = !kindOpen;
                if (kindOpen)
                {
                    Open(at, closingMark);
                }
                else if (open > 0)
                {
                    Close();
                }
            }

            void Open(int at, bool closingMark)
            {
                if (open++ == 0)
                {
                    opened = at;
                    openedByClosingMark = closingMark;
                }
            }

            void Close() => closes = --open == 0;
        }

        if (open > 0)
        {
            // An unclosed quotation runs to the end of the text; one a lone closing mark opened is none.
            var length = QuotedLength(text[(opened + 1)..]);
            for (var k = opened; k < text.Length; k++)
            {
                if (openedByClosingMark)
                {
                    scratch.QuoteOpen[k] = -1;
                }
                else
                {
                    scratch.QuoteLength[k] = length;
                }
            }
        }
    }

    /// <summary>The characters a quotation holds, not counting the spaces typed inside its marks (“ 老赖 ”).</summary>
    private static int QuotedLength(ReadOnlySpan<char> quoted)
    {
        var length = 0;
        foreach (var c in quoted)
        {
            length += char.IsWhiteSpace(c) ? 0 : 1;
        }

        return length;
    }

    /// <summary>
    /// True when the hit is part of a quotation: words quoted from someone else, not said by the
    /// sender. Quotation marks around the trigger alone (等着“社死”吧, “ 老赖 ” with the spaces a phone
    /// puts in) are emphasis and do not count. Two words in the marks are a quotation, or a thing named
    /// rather than done (以“上门催收”为名行骗) — except abuse (<see cref="ConductRuleSet.AbuseAtoms"/>): no one names
    /// a thing “无耻老赖”, so marks around abuse are the sender's emphasis, and only reported speech
    /// (他说你是“无耻老赖”) or a negation or prohibition before them makes it someone else's words (issue 21, s19).
    /// </summary>
    private bool IsQuoted(Scratch scratch, AtomHit hit) =>
        scratch.QuoteOpen[hit.Start] >= 0 && scratch.QuoteLength[hit.Start] - (hit.End - hit.Start) >= 2 && !Rules.AbuseAtoms[hit.Atom];

    /// <summary>
    /// Finds every lexicon term, and records each as a hit of the classes it belongs to, except where a longer word
    /// that the class names stands over it (<c>请 !申请</c>: the advice 请 is no part of 申请).
    /// </summary>
    private void CollectHits(ReadOnlySpan<char> text, Scratch scratch)
    {
        Rules.Automaton.Match(text, scratch.Terms);
        var blocked = scratch.Blocked;
        blocked.Clear();
        if (Rules.HasTermBlocks)
        {
            foreach (var term in scratch.Terms)
            {
                foreach (var block in Rules.TermBlocks[term.Pattern])
                {
                    blocked.Add((block.Term, block.Atom, term.Start + block.Offset));
                }
            }
        }

        foreach (var term in scratch.Terms)
        {
            foreach (var atom in Rules.TermAtoms[term.Pattern])
            {
                if (blocked.Count > 0 && blocked.Contains((term.Pattern, atom, term.Start)))
                {
                    continue;
                }

                scratch.Hits.Add(new AtomHit(atom, term.Start, term.End, scratch.Sentence[term.Start]));
                if (scratch.Present[atom] != scratch.Stamp)
                {
                    scratch.Present[atom] = scratch.Stamp;
                    scratch.PresentAtoms.Add(atom);
                }
            }
        }
    }

    /// <summary>
    /// Marks the hits that do not count: quoted, after reported speech in their sentence, within
    /// <see cref="NegationReach"/> after a negation in their clause, an act of telling the sender advises the borrower
    /// to do ("记得告诉家人"), or anything a prohibition forbids in its clause ("严禁催收人员联系借款人的亲友"); then the
    /// words listed after a suppressed one ("不会联系您的家人、朋友或同事"), since a negation covers the whole list it governs.
    /// </summary>
    private void Suppress(ReadOnlySpan<char> text, Scratch scratch)
    {
        var hits = scratch.Hits;
        var negation = Rules.NegationAtom;
        var reported = Rules.ReportedAtom;
        var advice = Rules.AdviceAtom;
        var prohibition = Rules.ProhibitionAtom;

        // Only these cues suppress, and this loop changes no cue: each hit is weighed against the cues alone.
        var cues = scratch.Cues;
        cues.Clear();
        foreach (var hit in hits)
        {
            if (hit.Atom == negation || hit.Atom == reported || hit.Atom == advice || hit.Atom == prohibition)
            {
                cues.Add(hit);
            }
        }

        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            if (hit.Atom == negation || hit.Atom == reported || hit.Atom == advice || hit.Atom == prohibition)
            {
                continue;
            }

            var suppressed = IsQuoted(scratch, hit);
            for (var k = 0; k < cues.Count && !suppressed; k++)
            {
                var other = cues[k];
                // A cue counts when it starts before the trigger; it may share characters with it
                // (不会 + 会联系) but not cover it (不得 in 不得好死 is part of the insult).
                if (other.Start >= hit.Start || other.End > hit.End || other.Sentence != hit.Sentence)
                {
                    continue;
                }

                var sameClause = scratch.Clause[other.Start] == scratch.Clause[hit.Start];
                suppressed = other.Atom == reported
                    || (other.Atom == negation && sameClause && Negates(hits, scratch, other, hit))
                    || (other.Atom == advice && sameClause && Array.IndexOf(Rules.TellingAtoms, hit.Atom) >= 0
                        && hit.Start - other.End <= NegationReach && !ConditionCloses(hits, other.End, hit.Start))
                    || (other.Atom == prohibition && sameClause && !ConditionCloses(hits, other.End, hit.Start));
            }

            if (suppressed)
            {
                hits[i] = hit with { Suppressed = true, Negated = !IsQuoted(scratch, hit) && !IsReported(hits, hit, reported) };
            }
        }

        SuppressNegatedObjects(hits, scratch);
        SuppressListed(text, hits);
    }

    /// <summary>
    /// True when <paramref name="negation"/> reaches <paramref name="trigger"/> in its clause. A negation governs
    /// the verb it precedes: right before a repayment (<see cref="ConductRuleSet.RepayingClass"/>) it opens a
    /// condition, "没有还款就通知你家人", and its reach ends where the condition does (<see cref="ConductRuleSet.ThenClass"/>:
    /// 就, 的话, 否则…), so the telling after it is said, not denied — the guide's condition with a circle (rule 8).
    /// Such a condition inside a wider negation's reach does not count against it: in "不会因为您没有还款就通知您的家人"
    /// 不会 still governs 通知, as it does with nothing between.
    /// </summary>
    private bool Negates(List<AtomHit> hits, Scratch scratch, AtomHit negation, AtomHit trigger)
    {
        if (ConditionEnd(hits, scratch, negation, trigger.Start) >= 0 || IfNotBetween(hits, negation.End, trigger.Start))
        {
            return false;
        }

        var distance = trigger.Start - negation.End;
        if (distance <= NegationReach)
        {
            return true;
        }

        foreach (var inner in hits)
        {
            if (inner.Atom == Rules.NegationAtom && inner.Start >= negation.End && inner.End <= trigger.Start
                && ConditionEnd(hits, scratch, inner, trigger.Start) is var end and >= 0
                && distance - (end - inner.Start) <= NegationReach)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the condition that <paramref name="negation"/> opens ends — a repayment within
    /// <see cref="ConditionActReach"/> after it, then a word that closes the condition before
    /// <paramref name="limit"/>, all in its clause — or -1 when it opens none.
    /// </summary>
    private int ConditionEnd(List<AtomHit> hits, Scratch scratch, AtomHit negation, int limit)
    {
        var clause = scratch.Clause[negation.Start];
        foreach (var act in hits)
        {
            if (act.Atom != Rules.RepayingAtom || act.Start < negation.End || act.Start - negation.End > ConditionActReach
                || scratch.Clause[act.Start] != clause || NegationBetween(hits, negation.End, act.Start))
            {
                continue;
            }

            foreach (var then in hits)
            {
                if (then.Atom == Rules.ThenAtom && then.Start >= act.End && then.End <= limit && scratch.Clause[then.Start] == clause)
                {
                    return then.End;
                }
            }
        }

        return -1;
    }

    /// <summary>True when a word that closes a condition ("否则", "就", "我们") stands between <paramref name="start"/> and <paramref name="end"/>.</summary>
    private bool ConditionCloses(List<AtomHit> hits, int start, int end)
    {
        foreach (var hit in hits)
        {
            if ((hit.Atom == Rules.ThenAtom || hit.Atom == Rules.IfNotAtom) && hit.Start >= start && hit.End <= end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a condition or an ultimatum ("否则", "不然") stands between <paramref name="start"/> and <paramref name="end"/>:
    /// what follows it is the threat, which the negation before it does not reach ("不得拖欠否则通知你的家人").
    /// </summary>
    private bool IfNotBetween(List<AtomHit> hits, int start, int end)
    {
        foreach (var hit in hits)
        {
            if (hit.Atom == Rules.IfNotAtom && hit.Start >= start && hit.End <= end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a negation stands between <paramref name="start"/> and <paramref name="end"/>: the verb after it is that one's.</summary>
    private bool NegationBetween(List<AtomHit> hits, int start, int end)
    {
        foreach (var hit in hits)
        {
            if (hit.Atom == Rules.NegationAtom && hit.Start >= start && hit.End <= end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the hit's word is one of the people (its span carries the people's atom).</summary>
    private static bool IsPeopleWord(List<AtomHit> hits, AtomHit hit, int people)
    {
        foreach (var other in hits)
        {
            if (other.Atom == people && other.Start == hit.Start && other.End == hit.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsReported(List<AtomHit> hits, AtomHit hit, int reported)
    {
        foreach (var other in hits)
        {
            if (other.Atom == reported && other.Sentence == hit.Sentence && other.Start < hit.Start && other.End <= hit.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A negated act of telling covers the people it names: in "我们不会把您的情况告诉您的同事或家人" the
    /// negation reaches 告诉 within its six characters, and 同事, right after the act in the same clause,
    /// is who is not told. Only an act carries the negation on (a negated 还款 in "没有还款就通知你家人"
    /// does not cover the telling after it), and only to people (<see cref="ConductRuleSet.PeopleClass"/>):
    /// the debt named after it ("从不向第三方透露客户的借款信息") is still named.
    /// </summary>
    private void SuppressNegatedObjects(List<AtomHit> hits, Scratch scratch)
    {
        var telling = Rules.TellingAtoms;
        var people = Rules.PeopleAtom;
        var changed = false;
        foreach (var hit in hits)
        {
            changed |= hit.Negated && Array.IndexOf(telling, hit.Atom) >= 0;
        }

        while (changed)
        {
            changed = false;
            for (var i = 0; i < hits.Count; i++)
            {
                var hit = hits[i];
                if (hit.Suppressed || !IsPeopleWord(hits, hit, people))
                {
                    continue;
                }

                foreach (var act in hits)
                {
                    if (act.Negated && Array.IndexOf(telling, act.Atom) >= 0 && act.End <= hit.Start
                        && hit.Start - act.End <= NegatedObjectReach && scratch.Clause[act.Start] == scratch.Clause[hit.Start])
                    {
                        hits[i] = hit with { Suppressed = true, Negated = true };
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    /// <summary>
    /// A hit joined by a list word (、, 和, 或…) to a suppressed hit just before it is suppressed too:
    /// in "我们不会联系您的家人和同事" the negation reaches 家人 within its six characters, and 同事
    /// belongs to the same negated list however far it stands.
    /// </summary>
    private static void SuppressListed(ReadOnlySpan<char> text, List<AtomHit> hits)
    {
        var changed = hits.Exists(static h => h.Suppressed);
        while (changed)
        {
            changed = false;
            for (var i = 0; i < hits.Count; i++)
            {
                var hit = hits[i];
                if (hit.Suppressed)
                {
                    continue;
                }

                foreach (var before in hits)
                {
                    if (before.Suppressed && before.Sentence == hit.Sentence && before.End <= hit.Start && hit.Start - before.End <= 2
                        && IsListJoiner(text[before.End..hit.Start]))
                    {
                        hits[i] = hit with { Suppressed = true };
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    private static bool IsListJoiner(ReadOnlySpan<char> between) =>
        between is "、" or "和" or "或" or "及" or "与" or "/" or "或者" or "以及";

    private static bool AllPresent(RulePattern pattern, Scratch scratch)
    {
        foreach (var atom in pattern.AtomArray)
        {
            if (scratch.Present[atom] != scratch.Stamp)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when a rule that rule <paramref name="r"/> yields to fires in <paramref name="sentence"/>.</summary>
    private bool Yields(int r, Recipient recipient, Scratch scratch, int sentence)
    {
        foreach (var y in Rules.YieldArray[r])
        {
            var other = Rules.RuleArray[y];
            if (!other.AppliesTo(recipient))
            {
                continue;
            }

            foreach (var pattern in other.PatternArray)
            {
                if (AllPresent(pattern, scratch) && TryMatch(pattern, scratch, sentence, out _, out _) && !IsVetoed(other, scratch, sentence))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsVetoed(ConductRule rule, Scratch scratch, int sentence)
    {
        var unless = rule.UnlessArray;
        var anywhere = rule.UnlessAnywhereArray;
        if (unless.Length == 0 && anywhere.Length == 0)
        {
            return false;
        }

        foreach (var hit in scratch.Hits)
        {
            if (!hit.Suppressed
                && ((hit.Sentence == sentence && Array.IndexOf(unless, hit.Atom) >= 0)
                    || (Array.IndexOf(anywhere, hit.Atom) >= 0 && !IsNamedAsHelp(scratch, hit) && !IsSaidAsLawfulStep(scratch, hit))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="hit"/> is one of the borrower's people named as help: a word of help follows within
    /// <see cref="HelpReach"/> in its clause ("可以让家人朋友帮您周转一下", "跟家里人商量一下"), and no condition stands before
    /// it in its sentence. The labelling guide's rule 8 gives the family's help no label, so such a circle is no sign
    /// of pressure for a whole-message veto (<see cref="ConductRuleSet.HelpClass"/>, issue 21); "再不还就让你家人帮你还"
    /// keeps its veto.
    /// </summary>
    private bool IsNamedAsHelp(Scratch scratch, AtomHit hit)
    {
        if (hit.Atom != Rules.PeopleAtom || Rules.HelpAtom < 0)
        {
            return false;
        }

        var helped = false;
        foreach (var other in scratch.Hits)
        {
            if (other.Suppressed || other.Sentence != hit.Sentence)
            {
                continue;
            }

            if (other.Atom == Rules.IfNotAtom && other.Start < hit.Start)
            {
                return false;
            }

            helped |= other.Atom == Rules.HelpAtom && other.Start >= hit.End && other.Start - hit.End <= HelpReach
                && scratch.Clause[other.Start] == scratch.Clause[hit.Start];
        }

        return helped;
    }

    /// <summary>
    /// True when <paramref name="hit"/> is a court step (<see cref="ConductRuleSet.CourtStepClass"/>) said as the lender's
    /// recourse: a word of <see cref="ConductRuleSet.LawfulStepClass"/> stands before it in its clause, or holds it ("向法院").
    /// A possibility (可能, 不排除) governs its clause as a prohibition does: "不排除可能会去到户籍地人民法院依法起诉". The
    /// labelling guide's rule 3 calls a true statement of lawful next steps lawful ("银行可能会申请强制执行", "我们会依法向人民法院
    /// 申请支付令"), so such a step is no sign of pressure for a whole-message veto (issue 21); a step said as done
    /// ("已冻结您的账户"), or an arrest, the police or a visit, keeps its veto.
    /// </summary>
    private bool IsSaidAsLawfulStep(Scratch scratch, AtomHit hit)
    {
        if (hit.Atom != Rules.CourtStepAtom || Rules.LawfulStepAtom < 0)
        {
            return false;
        }

        foreach (var other in scratch.Hits)
        {
            if (other.Atom == Rules.LawfulStepAtom && !other.Suppressed && other.Start < hit.Start && other.End <= hit.End
                && scratch.Clause[other.Start] == scratch.Clause[hit.Start])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds the first match of <paramref name="pattern"/>, in <paramref name="sentence"/> only unless it is -1.</summary>
    private static bool TryMatch(RulePattern pattern, Scratch scratch, int sentence, out int start, out int end)
    {
        var hits = scratch.Hits;
        var atoms = pattern.AtomArray;
        for (var a = 0; a < hits.Count; a++)
        {
            var anchor = hits[a];
            if (anchor.Atom != atoms[0] || anchor.Suppressed || (sentence >= 0 && anchor.Sentence != sentence))
            {
                continue;
            }

            if (atoms.Length == 1)
            {
                (start, end) = (anchor.Start, anchor.End);
                return true;
            }

            if (pattern.Ordered ? TryOrdered(atoms, hits, anchor, out start, out end) : TryUnordered(atoms, hits, anchor, out start, out end))
            {
                return true;
            }
        }

        start = end = 0;
        return false;
    }

    private static bool TryOrdered(int[] atoms, List<AtomHit> hits, AtomHit anchor, out int start, out int end)
    {
        start = anchor.Start;
        end = anchor.End;
        for (var k = 1; k < atoms.Length; k++)
        {
            var found = false;
            var best = default(AtomHit);
            foreach (var hit in hits)
            {
                if (hit.Atom == atoms[k] && !hit.Suppressed && hit.Sentence == anchor.Sentence
                    && hit.Start >= end && hit.Start - end <= OrderedGap && (!found || hit.Start < best.Start))
                {
                    best = hit;
                    found = true;
                }
            }

            if (!found)
            {
                return false;
            }

            end = best.End;
        }

        return true;
    }

    private static bool TryUnordered(int[] atoms, List<AtomHit> hits, AtomHit anchor, out int start, out int end)
    {
        start = anchor.Start;
        end = anchor.End;
        Span<(int Start, int End)> chosen = stackalloc (int, int)[atoms.Length];
        chosen[0] = (anchor.Start, anchor.End);
        for (var k = 1; k < atoms.Length; k++)
        {
            var found = false;
            var best = default(AtomHit);
            var bestDistance = int.MaxValue;
            foreach (var hit in hits)
            {
                if (hit.Atom != atoms[k] || hit.Suppressed || hit.Sentence != anchor.Sentence || Overlaps(chosen[..k], hit))
                {
                    continue;
                }

                var distance = Math.Abs(hit.Start - anchor.Start);
                if (distance < bestDistance)
                {
                    best = hit;
                    bestDistance = distance;
                    found = true;
                }
            }

            if (!found)
            {
                return false;
            }

            chosen[k] = (best.Start, best.End);
            start = Math.Min(start, best.Start);
            end = Math.Max(end, best.End);
        }

        return end - start <= UnorderedSpan;
    }

    /// <summary>
    /// True when <paramref name="hit"/> would stand for a part already chosen. Two words may share the one
    /// character that joins them — 联系你 and 你单位 in "联系你单位", 联系你 and 你爸 in "联系你爸妈" — but one word
    /// cannot be two parts of a pattern.
    /// </summary>
    private static bool Overlaps(ReadOnlySpan<(int Start, int End)> chosen, AtomHit hit)
    {
        foreach (var (s, e) in chosen)
        {
            var joined = (hit.Start == e - 1 && s < hit.Start && e < hit.End) || (s == hit.End - 1 && hit.Start < s && hit.End < e);
            if (hit.Start < e && s < hit.End && !joined)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A word's hit for one atom; <paramref name="Negated"/> when a negation, a prohibition or advice to the borrower
    /// (not a quotation or a report) suppressed it: the sender does not do it, and a negated act covers the people it names.
    /// </summary>
    private readonly record struct AtomHit(int Atom, int Start, int End, int Sentence, bool Suppressed = false, bool Negated = false);

    private sealed class Scratch
    {
        public NormalizationBuffers Normalization { get; } = new();

        public List<TermHit> Terms { get; } = new(32);

        public List<AtomHit> Hits { get; } = new(32);

        /// <summary>The class words a longer word blocks: (term, class, start).</summary>
        public List<(int Term, int Atom, int Start)> Blocked { get; } = new(4);

        /// <summary>The suppressing cues among <see cref="Hits"/> (negations, reported speech, advice, prohibitions).</summary>
        public List<AtomHit> Cues { get; } = new(8);

        public int[] Present { get; private set; } = [];

        /// <summary>The atoms of <see cref="Present"/> this message holds, each once.</summary>
        public List<int> PresentAtoms { get; } = new(32);

        /// <summary>The rules <see cref="CandidateRules"/> took for this message (marked with <see cref="Stamp"/>).</summary>
        public int[] RuleSeen { get; private set; } = [];

        public List<int> Candidates { get; } = new(32);

        public int Stamp { get; private set; }

        public int[] Sentence { get; private set; } = new int[256];

        public int[] Clause { get; private set; } = new int[256];

        public int[] QuoteOpen { get; private set; } = new int[256];

        public int[] QuoteLength { get; private set; } = new int[256];

        public void Reset(int atoms, int rules)
        {
            if (Present.Length < atoms || RuleSeen.Length < rules)
            {
                Present = new int[Math.Max(atoms, Present.Length)];
                RuleSeen = new int[Math.Max(rules, RuleSeen.Length)];
                Stamp = 0;
            }

            Stamp = Stamp == int.MaxValue ? 1 : Stamp + 1;
            if (Stamp == 1)
            {
                Array.Clear(Present);
                Array.Clear(RuleSeen);
            }

            Terms.Clear();
            Hits.Clear();
            PresentAtoms.Clear();
            Candidates.Clear();
        }

        public void EnsureText(int length)
        {
            if (Sentence.Length < length)
            {
                Sentence = new int[length];
                Clause = new int[length];
                QuoteOpen = new int[length];
                QuoteLength = new int[length];
            }
        }
    }
}

/// <summary>A message to analyse.</summary>
/// <param name="Text">The text as received.</param>
/// <param name="Recipient">Who received it.</param>
/// <param name="Time">When it was sent or the call was made, if known.</param>
/// <param name="Channel">Message, answered call or unanswered call.</param>
/// <param name="ContactNumberToday">Which contact of the day this was for its sender and channel (1 = first), if counted.</param>
/// <param name="MessagesThisHour">For a text: how many texts its sender sent in the 60 minutes up to and including it, if counted.</param>
/// <param name="FromCollector">True when the sender is known to collect this debt (a collector number of the case), so the hours apply to its texts whatever they say.</param>
public sealed record ConductMessage(
    string Text,
    Recipient Recipient = Recipient.Unknown,
    DateTimeOffset? Time = null,
    ContactChannel Channel = ContactChannel.Message,
    int? ContactNumberToday = null,
    int? MessagesThisHour = null,
    bool FromCollector = false);
