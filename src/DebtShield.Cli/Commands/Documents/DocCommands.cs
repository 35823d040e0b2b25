using System.Globalization;
using DebtShield.App.MakeDocument;
using DebtShield.Cli.Commands.Ledger;
using DebtShield.Cli.Resources;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Documents;

/// <summary><c>debtshield doc list [--templates DIR]</c>: the documents, what each is for and the facts it needs.</summary>
internal sealed class DocListCommand : Command<DocListCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--templates <DIR>")]
        [LocalizedDescription(nameof(CliText.Doc_TemplatesOption))]
        public string? Templates { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumns(
            new TableColumn(CliText.Doc_KindColumn).NoWrap(),
            new TableColumn(CliText.Doc_TitleColumn),
            new TableColumn(CliText.Doc_ScopeColumn),
            new TableColumn(CliText.Doc_NeedsColumn).NoWrap());
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        foreach (var template in MakeDocument.Kinds(settings.Templates))
        {
            table.AddRow(
                Markup.Escape(template.Kind),
                Markup.Escape(english ? template.EnglishTitle : template.Title),
                template.PerLender ? CliText.Doc_ScopeLender : CliText.Doc_ScopeCase,
                Markup.Escape(string.Join("\n", template.Needs.Select(n => n.Path))));
        }

        CliContext.Current.Console.Write(table);
        return DebtShieldApp.Success;
    }
}

/// <summary>
/// <c>debtshield doc make KIND --out FILE.{docx,pdf,md} [--case T] [--lender L] [--set PATH=VALUE]… [--font F]</c>:
/// one document for the case. It writes a file and says what is left blank; it sends nothing.
/// </summary>
internal sealed class DocMakeCommand(TimeProvider time) : AsyncCommand<DocMakeCommand.Settings>
{
    internal sealed class Settings : CaseSettings
    {
        [CommandArgument(0, "<KIND>")]
        [LocalizedDescription(nameof(CliText.Doc_KindArgument))]
        public string Kind { get; init; } = "";

        [CommandOption("--out <FILE>")]
        [LocalizedDescription(nameof(CliText.Doc_OutOption))]
        public string? Out { get; init; }

        [CommandOption("--lender <NAME>")]
        [LocalizedDescription(nameof(CliText.Doc_LenderOption))]
        public string? Lender { get; init; }

        [CommandOption("--set <PATH=VALUE>")]
        [LocalizedDescription(nameof(CliText.Doc_SetOption))]
        public string[] Set { get; init; } = [];

        [CommandOption("--font <FILE>")]
        [LocalizedDescription(nameof(CliText.Doc_FontOption))]
        public string? Font { get; init; }

        [CommandOption("--templates <DIR>")]
        [LocalizedDescription(nameof(CliText.Doc_TemplatesOption))]
        public string? Templates { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Out))
            {
                return ValidationResult.Error(CliText.Doc_OutRequired);
            }

            if (!MakeDocument.Writes(Out))
            {
                return ValidationResult.Error(Localized.Format(CliText.Doc_BadExtension, Out));
            }

            var bad = Set.FirstOrDefault(s => s.IndexOf('=', StringComparison.Ordinal) <= 0);
            return bad is null ? ValidationResult.Success() : ValidationResult.Error(Localized.Format(CliText.Doc_BadSet, bad));
        }

        public Dictionary<string, string> Facts() => Set
            .Select(s => (Path: s[..s.IndexOf('=', StringComparison.Ordinal)].Trim(), Value: s[(s.IndexOf('=', StringComparison.Ordinal) + 1)..]))
            .GroupBy(p => p.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ledger = await LedgerSession.OpenAsync(settings, cancellationToken);
        var request = new DocumentRequest(
            settings.Kind,
            settings.Case,
            settings.Lender,
            settings.Out!,
            settings.Facts(),
            settings.Font ?? CliContext.Current.Variable("DEBTSHIELD_CJK_FONT"),
            settings.Templates);
        var made = await MakeDocument.WriteAsync(ledger, request, time, cancellationToken);
        LedgerSession.Notice(Localized.Format(CliText.Doc_Written, made.Path, made.Title));
        if (made.Lender is { } lender)
        {
            LedgerSession.Notice(Localized.Format(CliText.Doc_For, lender));
        }

        if (made.Channel is { } channel)
        {
            LedgerSession.Notice(Localized.Format(CliText.Doc_Channel, channel));
        }

        LedgerSession.Notice(Localized.Format(CliText.Doc_Evidence, made.EvidenceListed, made.EvidenceNotListed > 0 ? Localized.Format(CliText.Doc_EvidenceMore, made.EvidenceNotListed) : ""));
        if (made.Missing.Count > 0)
        {
            LedgerSession.Notice(Localized.Format(CliText.Doc_Missing, made.Missing.Count));
            foreach (var fact in made.Missing)
            {
                LedgerSession.Notice("  --set " + fact.Path + "=…  （" + fact.Label + "）");
            }
        }

        if (made.Unverified.Count > 0)
        {
            LedgerSession.Notice(Localized.Format(CliText.Doc_Unverified, string.Join("、", made.Unverified.Select(MakeDocument.CitationText))));
        }

        LedgerSession.Notice(CliText.Doc_SendYourself);
        return DebtShieldApp.Success;
    }
}
