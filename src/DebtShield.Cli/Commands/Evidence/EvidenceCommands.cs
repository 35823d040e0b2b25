using System.Globalization;
using DebtShield.App.ExportEvidence;
using DebtShield.App.RecordEvidence;
using DebtShield.App.ReviewEvidence;
using DebtShield.Cli.Commands.Ledger;
using DebtShield.Cli.Rendering;
using DebtShield.Cli.Resources;
using DebtShield.Core;
using DebtShield.Core.Evidence;
using DebtShield.Core.Vocabulary;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Evidence;

/// <summary><c>debtshield evidence import FILE [--collector NUMBER …] [--contact NAME]</c>: a phone backup into the chain.</summary>
internal sealed class EvidenceImportCommand(TimeProvider time) : AsyncCommand<EvidenceImportCommand.Settings>
{
    internal sealed class Settings : CaseSettings
    {
        [CommandArgument(0, "<FILE>")]
        [LocalizedDescription(nameof(CliText.Evidence_FileArgument))]
        public string File { get; init; } = "";

        [CommandOption("--collector <NUMBER>")]
        [LocalizedDescription(nameof(CliText.Evidence_CollectorOption))]
        public string[] Collectors { get; init; } = [];

        [CommandOption("--contact <NAME>")]
        [LocalizedDescription(nameof(CliText.Evidence_BackupContactOption))]
        public string? Contact { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var result = await ImportPhoneBackup.ImportAsync(ledger, settings.Case, settings.File, new PhoneBackupChoices(settings.Collectors, settings.Contact), time, cancellationToken);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.File));
        foreach (var problem in result.Problems)
        {
            LedgerSession.Notice(Localized.Format(CliText.Evidence_RecordSkipped, name, problem.Location.Line, problem.Message));
        }

        if (result.FlaggedNumbers.Count > 0)
        {
            LedgerSession.Notice(Localized.Format(CliText.Evidence_Flagged, string.Join("、", result.FlaggedNumbers)));
        }

        LedgerSession.Notice(Localized.Format(CliText.Evidence_Imported, result.Added, result.AlreadyKept, result.Skipped, result.Read));
        NoticeSkipped(result.SkippedNumbers ?? []);
        foreach (var damage in result.DamagedDatabases ?? [])
        {
            LedgerSession.Notice(Localized.Format(CliText.Evidence_DatabaseDamaged, name, damage.Location.Database, damage.Location.RecordsRead, damage.Message));
        }

        if (result.DamagedDatabases is { Count: > 0 } && result.Break is null)
        {
            return DebtShieldApp.PartlyDone;
        }

        if (result.Break is { } broken)
        {
            LedgerSession.Notice(Localized.Format(CliText.Evidence_BackupBroken, name, broken.Location.Line, broken.Location.ByteOffset, broken.Message));
            return DebtShieldApp.PartlyDone;
        }

        return DebtShieldApp.Success;
    }

    /// <summary>
    /// The numbers the backup held but the import did not keep, busiest first, so a collector the
    /// borrower did not name is seen at once rather than lost among the skipped count.
    /// </summary>
    private static void NoticeSkipped(IReadOnlyList<SkippedNumber> skipped)
    {
        const int Shown = 10;
        if (skipped.Count == 0)
        {
            return;
        }

        LedgerSession.Notice(CliText.Evidence_SkippedNumbers);
        foreach (var number in skipped.Take(Shown))
        {
            LedgerSession.Notice(Localized.Format(CliText.Evidence_SkippedNumber, number.Number, number.Messages, number.Calls, Day(number.First), Day(number.Last)));
            if (number.Sample is { } sample)
            {
                LedgerSession.Notice(Localized.Format(CliText.Evidence_SkippedSample, DisplayText.Neutralise(sample.Length > 60 ? sample[..60] + "…" : sample)));
            }
        }

        if (skipped.Count > Shown)
        {
            LedgerSession.Notice(Localized.Format(CliText.Evidence_SkippedMore, skipped.Count - Shown));
        }
    }

    private static string Day(DateTimeOffset time) => time.ToOffset(ChinaStandardTime.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary><c>debtshield evidence add --channel … --time … --text …</c>: an incident entered by hand, or a correction.</summary>
internal sealed class EvidenceAddCommand(TimeProvider time) : AsyncCommand<EvidenceAddCommand.Settings>
{
    internal sealed class Settings : CaseSettings
    {
        [CommandOption("--channel <CHANNEL>")]
        [LocalizedDescription(nameof(CliText.Evidence_ChannelOption), Choices = typeof(IncidentChannel))]
        public string Channel { get; init; } = "other";

        [CommandOption("--time <TIME>")]
        [LocalizedDescription(nameof(CliText.Evidence_TimeOption))]
        public string? Time { get; init; }

        [CommandOption("--number <NUMBER>")]
        [LocalizedDescription(nameof(CliText.Evidence_NumberOption))]
        public string? Number { get; init; }

        [CommandOption("--text <TEXT>")]
        [LocalizedDescription(nameof(CliText.Evidence_TextOption))]
        public string? Text { get; init; }

        [CommandOption("--contact <NAME>")]
        [LocalizedDescription(nameof(CliText.Evidence_ContactOption))]
        public string? Contact { get; init; }

        [CommandOption("--contact-phone <NUMBER>")]
        [LocalizedDescription(nameof(CliText.Evidence_ContactPhoneOption))]
        public string? ContactPhone { get; init; }

        [CommandOption("--outcome <OUTCOME>")]
        [LocalizedDescription(nameof(CliText.Evidence_OutcomeOption), Choices = typeof(CallOutcome))]
        public string? Outcome { get; init; }

        [CommandOption("--duration <SECONDS>")]
        [LocalizedDescription(nameof(CliText.Evidence_DurationOption))]
        public int? Duration { get; init; }

        [CommandOption("--attach <FILE>")]
        [LocalizedDescription(nameof(CliText.Evidence_AttachOption))]
        public string[] Attach { get; init; } = [];

        [CommandOption("--corrects <N>")]
        [LocalizedDescription(nameof(CliText.Evidence_CorrectsOption))]
        public int? Corrects { get; init; }

        public override ValidationResult Validate()
        {
            if (!EvidenceOptions.TryChannel(Channel, out _))
            {
                return ValidationResult.Error(Localized.Format(CliText.Evidence_BadChannel, Channel, Localized.WireIds(Vocabularies.Channels)));
            }

            if (Outcome is not null && !EvidenceOptions.TryOutcome(Outcome, out _))
            {
                return ValidationResult.Error(Localized.Format(CliText.Evidence_BadOutcome, Outcome, Localized.WireIds(Vocabularies.CallOutcomes)));
            }

            if (Time is null || !EvidenceOptions.TryTime(Time, out _))
            {
                return ValidationResult.Error(string.Format(CultureInfo.CurrentCulture, CliText.Evidence_BadTime, Time ?? ""));
            }

            return Duration is < 0 ? ValidationResult.Error(CliText.Evidence_BadDuration) : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        EvidenceOptions.TryChannel(settings.Channel, out var channel);
        EvidenceOptions.TryTime(settings.Time!, out var when);
        CallOutcome? outcome = settings.Outcome is null ? null : EvidenceOptions.TryOutcome(settings.Outcome, out var given) ? given : null;
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var entry = await RecordIncident.AddAsync(
            ledger,
            settings.Case,
            new ManualIncident(
                channel,
                when,
                settings.Number,
                settings.Text,
                settings.Contact,
                settings.ContactPhone,
                outcome,
                settings.Duration is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                settings.Attach,
                settings.Corrects),
            time,
            cancellationToken);
        LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Evidence_Added, entry.Sequence, entry.Hash.Hex));
        return DebtShieldApp.Success;
    }
}

/// <summary><c>debtshield evidence list [filters] [--json]</c>: the case's entries.</summary>
internal sealed class EvidenceListCommand : AsyncCommand<EvidenceListCommand.Settings>
{
    internal sealed class Settings : CaseJsonSettings
    {
        [CommandOption("--label <LABEL>")]
        [LocalizedDescription(nameof(CliText.Evidence_LabelOption))]
        public string? Label { get; init; }

        [CommandOption("--from <DATE>")]
        [LocalizedDescription(nameof(CliText.Evidence_FromOption))]
        public string? From { get; init; }

        [CommandOption("--to <DATE>")]
        [LocalizedDescription(nameof(CliText.Evidence_ToOption))]
        public string? To { get; init; }

        [CommandOption("--number <NUMBER>")]
        [LocalizedDescription(nameof(CliText.Evidence_NumberFilterOption))]
        public string? Number { get; init; }

        [CommandOption("--recipient <KIND>")]
        [LocalizedDescription(nameof(CliText.Evidence_RecipientOption))]
        public string? Recipient { get; init; }

        [CommandOption("--all")]
        [LocalizedDescription(nameof(CliText.Evidence_AllOption))]
        public bool All { get; init; }

        [CommandOption("--why")]
        [LocalizedDescription(nameof(CliText.Evidence_WhyOption))]
        public bool Why { get; init; }

        public override ValidationResult Validate()
        {
            if (Label is not null && !Vocabularies.ConductLabels.TryParse(Label, out _))
            {
                return ValidationResult.Error(string.Format(CultureInfo.CurrentCulture, CliText.Evidence_BadLabel, Label, string.Join(", ", Vocabularies.ConductLabels.Terms.Select(t => t.WireId))));
            }

            if (Recipient is not null && Vocabularies.Recipients.Parse(Recipient) is not (Core.Conduct.Recipient.Borrower or Core.Conduct.Recipient.ThirdParty))
            {
                return ValidationResult.Error(string.Format(CultureInfo.CurrentCulture, CliText.Evidence_BadRecipient, Recipient));
            }

            foreach (var (date, option) in new[] { (From, "--from"), (To, "--to") })
            {
                if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    return ValidationResult.Error(string.Format(CultureInfo.CurrentCulture, CliText.Facts_InvalidDate, option, date));
                }
            }

            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var filter = new EvidenceFilter(
            Vocabularies.ConductLabels.Parse(settings.Label),
            settings.From is null ? null : DateOnly.ParseExact(settings.From, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            settings.To is null ? null : DateOnly.ParseExact(settings.To, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            settings.Number,
            Vocabularies.Recipients.Parse(settings.Recipient),
            settings.All);
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var view = await ReviewEvidence.ListAsync(ledger, settings.Case, filter, cancellationToken);
        if (settings.Json)
        {
            await JsonOutput.WriteAsync(json => EvidenceJson.Write(json, view), cancellationToken);
        }
        else
        {
            EvidenceTables.Write(CliContext.Current.Console, view);
            if (settings.Why)
            {
                EvidenceTables.WriteReasons(CliContext.Current.Console, view);
            }
        }

        return DebtShieldApp.Success;
    }
}

/// <summary><c>debtshield evidence stats [--json]</c>: the figures a complaint leads with.</summary>
internal sealed class EvidenceStatsCommand : AsyncCommand<CaseJsonSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CaseJsonSettings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var (title, statistics) = await ReviewEvidence.StatisticsAsync(ledger, settings.Case, cancellationToken);
        if (settings.Json)
        {
            await JsonOutput.WriteAsync(json => EvidenceJson.Write(json, title, statistics), cancellationToken);
        }
        else
        {
            EvidenceTables.Write(CliContext.Current.Console, title, statistics);
        }

        return DebtShieldApp.Success;
    }
}

/// <summary><c>debtshield evidence export OUT.zip</c>: the evidence bundle.</summary>
internal sealed class EvidenceExportCommand(TimeProvider time) : AsyncCommand<EvidenceExportCommand.Settings>
{
    internal sealed class Settings : CaseSettings
    {
        [CommandArgument(0, "<OUT>")]
        [LocalizedDescription(nameof(CliText.Evidence_OutArgument))]
        public string Out { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var summary = await ExportEvidenceBundle.WriteAsync(ledger, settings.Case, settings.Out, time, cancellationToken);
        LedgerSession.Notice(string.Format(CultureInfo.CurrentCulture, CliText.Evidence_Exported, settings.Out, summary.Entries, summary.Attachments, summary.Head.Kept, summary.Sums.Hex));
        return DebtShieldApp.Success;
    }
}

/// <summary>How the evidence commands read their option values.</summary>
internal static class EvidenceOptions
{
    private static readonly string[] LocalTimeFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    public static bool TryChannel(string text, out IncidentChannel channel) => Vocabularies.Channels.TryParse(text, out channel);

    public static bool TryOutcome(string text, out CallOutcome outcome) => Vocabularies.CallOutcomes.TryParse(text, out outcome);

    /// <summary>"2026-11-03 21:43" (China time) or an ISO 8601 time with its offset.</summary>
    public static bool TryTime(string text, out DateTimeOffset time)
    {
        if (DateTime.TryParseExact(text, LocalTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            time = new DateTimeOffset(local, ChinaStandardTime.Offset);
            return true;
        }

        return DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }
}
