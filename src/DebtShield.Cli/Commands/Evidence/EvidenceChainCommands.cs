using System.Globalization;
using DebtShield.App.RecordEvidence;
using DebtShield.App.ReviewEvidence;
using DebtShield.App.StampEvidence;
using DebtShield.Core;
using DebtShield.Cli.Commands.Ledger;
using DebtShield.Cli.Rendering;
using DebtShield.Cli.Resources;
using DebtShield.Core.Evidence;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Evidence;

/// <summary><c>debtshield evidence verify [--head N:HASH] [--json]</c>: is the chain intact, and does it still hold the head the borrower kept.</summary>
internal sealed class EvidenceVerifyCommand : AsyncCommand<EvidenceVerifyCommand.Settings>
{
    internal sealed class Settings : CaseJsonSettings
    {
        [CommandOption("--head <HEAD>")]
        [LocalizedDescription(nameof(CliText.Evidence_KeptHeadOption))]
        public string? Head { get; init; }

        public override ValidationResult Validate() =>
            Head is not null && !ChainHead.TryParseKept(Head, out _)
                ? ValidationResult.Error(string.Format(CultureInfo.CurrentCulture, CliText.Evidence_BadKeptHead, Head))
                : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        ChainHead? kept = ChainHead.TryParseKept(settings.Head, out var head) ? head : null;
        IReadOnlyList<CaseChainCheck> checks = kept is { } held
            ? [await VerifyEvidence.VerifyAsync(ledger, settings.Case, held, cancellationToken)]
            : await VerifyEvidence.VerifyAsync(ledger, settings.Case, cancellationToken);
        if (settings.Json)
        {
            await JsonOutput.WriteAsync(json => EvidenceJson.Write(json, checks), cancellationToken);
        }

        if (checks.Count == 0)
        {
            LedgerSession.Notice(CliText.Evidence_ListEmpty);
        }

        foreach (var check in checks)
        {
            var lines = new List<string>
            {
                check.Verification.Break is { } broken
                    ? string.Format(CultureInfo.CurrentCulture, CliText.Evidence_ChainBroken, check.CaseTitle, broken.Position, broken.Sequence, EvidenceNames.Break(broken.Kind), check.Verification.IntactEntries)
                    : string.Format(CultureInfo.CurrentCulture, CliText.Evidence_ChainIntact, check.CaseTitle, check.Head.Count, check.Head.Hash.Hex),
            };
            if (check.Verification.IsIntact && kept is { } holds)
            {
                lines.Add(string.Format(CultureInfo.CurrentCulture, CliText.Evidence_KeptHeadHolds, holds.Count));
            }

            if (check.Verification.FormatOneEntries > 0)
            {
                lines.Add(string.Format(CultureInfo.CurrentCulture, CliText.Evidence_FormatOneEntries, check.Verification.FormatOneEntries));
            }

            foreach (var line in lines)
            {
                if (settings.Json)
                {
                    LedgerSession.Notice(line);
                }
                else
                {
                    CliContext.Current.Out.WriteLine(line);
                }
            }
        }

        return checks.All(c => c.Verification.IsIntact) ? DebtShieldApp.Success : DebtShieldApp.EvidenceTampered;
    }
}

/// <summary>
/// <c>debtshield evidence head</c>: the chain's head as the borrower keeps it apart (<c>N:HASH</c>
/// on standard output, alone, for scripts; what to do with it on standard error).
/// </summary>
internal sealed class EvidenceHeadCommand : AsyncCommand<CaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CaseSettings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var check = await VerifyEvidence.VerifyCaseAsync(ledger, settings.Case, cancellationToken);
        if (check.Verification.Break is { } broken)
        {
            LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Evidence_ChainBroken, check.CaseTitle, broken.Position, broken.Sequence, EvidenceNames.Break(broken.Kind), check.Verification.IntactEntries));
            return DebtShieldApp.EvidenceTampered;
        }

        if (check.Head.Count == 0)
        {
            LedgerSession.Notice(CliText.Evidence_ListEmpty);
            return DebtShieldApp.Success;
        }

        CliContext.Current.Out.WriteLine(check.Head.Kept);
        LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Evidence_KeepHead, check.Head.Count));
        var stamps = await StampEvidenceHead.ListAsync(ledger, settings.Case, cancellationToken);
        foreach (var stamp in stamps)
        {
            LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Evidence_StampLine, stamp.Count, stamp.Head.Hex[..12], stamp.Authority, ChinaTime(stamp.StampedAt)));
        }

        if (stamps.Count == 0)
        {
            LedgerSession.Notice(CliText.Evidence_NoStamps);
        }

        return DebtShieldApp.Success;
    }

    /// <summary>An instant as the borrower reads it: China time, to the second.</summary>
    internal static string ChinaTime(DateTimeOffset instant) =>
        instant.ToOffset(ChinaStandardTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>
/// <c>debtshield evidence timestamp --tsa URL</c>: on the borrower's request, the authority they
/// name signs the chain's head (RFC 3161); only the head's hash is sent.
/// </summary>
internal sealed class EvidenceTimestampCommand : AsyncCommand<EvidenceTimestampCommand.Settings>
{
    internal sealed class Settings : CaseSettings
    {
        [CommandOption("--tsa <URL>")]
        [LocalizedDescription(nameof(CliText.Evidence_TsaOption))]
        public string? Authority { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Authority) ? ValidationResult.Error(CliText.Evidence_TsaRequired) : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        using var http = new HttpClient();
        var stamp = await StampEvidenceHead.StampAsync(ledger, settings.Case, settings.Authority, http, cancellationToken);
        CliContext.Current.Out.WriteLine(stamp.Count.ToString(CultureInfo.InvariantCulture) + ":" + stamp.Head.Hex);
        LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Evidence_Stamped, stamp.Authority, stamp.Count, stamp.Head.Hex[..12] + "…", EvidenceHeadCommand.ChinaTime(stamp.StampedAt)));
        return DebtShieldApp.Success;
    }
}

/// <summary><c>debtshield evidence retract N --reason TEXT</c>: entry N is not evidence (a new chained entry says so and why).</summary>
internal sealed class EvidenceRetractCommand(TimeProvider time) : AsyncCommand<EvidenceRetractCommand.Settings>
{
    internal sealed class Settings : CaseSettings
    {
        [CommandArgument(0, "<ENTRY>")]
        [LocalizedDescription(nameof(CliText.Evidence_RetractEntryArgument))]
        public int Entry { get; init; }

        [CommandOption("--reason <TEXT>")]
        [LocalizedDescription(nameof(CliText.Evidence_RetractReasonOption))]
        public string? Reason { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var entry = await RetractEvidence.RetractAsync(ledger, settings.Case, settings.Entry, settings.Reason, time, cancellationToken);
        LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Evidence_Retracted, settings.Entry, entry.Sequence, entry.Hash.Hex));
        return DebtShieldApp.Success;
    }
}

/// <summary><c>debtshield evidence collector NUMBER [--lender NAME]</c>: the number collects for that lender (or, without one, is a collector's).</summary>
internal sealed class EvidenceCollectorCommand(TimeProvider time) : AsyncCommand<EvidenceCollectorCommand.Settings>
{
    internal sealed class Settings : CaseSettings
    {
        [CommandArgument(0, "<NUMBER>")]
        [LocalizedDescription(nameof(CliText.Evidence_CollectorNumberArgument))]
        public string Number { get; init; } = "";

        [CommandOption("--lender <NAME>")]
        [LocalizedDescription(nameof(CliText.Evidence_CollectorLenderOption))]
        public string? Lender { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var number = await CollectorLenders.MarkAsync(ledger, settings.Case, settings.Number, settings.Lender, time, cancellationToken);
        LedgerSession.Notice(string.IsNullOrWhiteSpace(settings.Lender)
            ? string.Format(CultureInfo.CurrentCulture, CliText.Evidence_CollectorMarked, number)
            : string.Format(CultureInfo.CurrentCulture, CliText.Evidence_CollectorLenderMarked, number, settings.Lender.Trim()));
        return DebtShieldApp.Success;
    }
}

/// <summary><c>debtshield evidence collectors</c>: each number that contacted the borrower about a debt, and the lender its contacts concern.</summary>
internal sealed class EvidenceCollectorsCommand : AsyncCommand<CaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CaseSettings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var numbers = await CollectorLenders.ListAsync(ledger, settings.Case, cancellationToken);
        if (numbers.Count == 0)
        {
            LedgerSession.Notice(CliText.Evidence_ListEmpty);
            return DebtShieldApp.Success;
        }

        var table = new Table().AddColumn(CliText.Evidence_CollectorColumnNumber).AddColumn(new TableColumn(CliText.Evidence_CollectorColumnContacts).RightAligned())
            .AddColumn(CliText.Evidence_CollectorColumnLender).AddColumn(CliText.Evidence_CollectorColumnWhy);
        foreach (var number in numbers)
        {
            table.AddRow(
                Markup.Escape(number.Number),
                number.Contacts.ToString(CultureInfo.CurrentCulture),
                Markup.Escape(number.Lender ?? EvidenceNames.UnknownLender()),
                number.Basis is { } basis ? Markup.Escape(EvidenceNames.Attribution(basis)) : "");
        }

        CliContext.Current.Console.Write(table);
        return DebtShieldApp.Success;
    }
}
