using System.Reflection;
using DebtShield.App.Ledgers;
using DebtShield.Cli.Commands;
using DebtShield.Cli.Commands.Documents;
using DebtShield.Cli.Commands.Evidence;
using DebtShield.Cli.Commands.Ledger;
using DebtShield.Cli.Commands.Planning;
using DebtShield.Cli.Resources;
using Spectre.Console.Cli;

namespace DebtShield.Cli;

/// <summary>The command tree, and the one place that turns failures into exit codes.</summary>
internal sealed class DebtShieldApp
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for a mistake in the user's input: a one-line message on stderr.</summary>
    public const int UserError = 1;

    /// <summary>Exit code for a bug in DebtShield.</summary>
    public const int InternalError = 2;

    /// <summary>Exit code when a damaged phone backup was imported up to the damage, and the rest was not.</summary>
    public const int PartlyDone = 3;

    /// <summary>Exit code when <c>evidence verify</c> finds the evidence chain broken (the database was tampered with).</summary>
    public const int EvidenceTampered = 4;

    /// <summary>Exit code when the user interrupted the command (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;

    /// <summary>
    /// What a lone <c>-</c> (standard input) is passed on as: Spectre.Console.Cli reads <c>-</c> as an
    /// option without a name. A command-line argument cannot contain NUL, so no real file is named this.
    /// </summary>
    public const string StandardInputArgument = "\0-";

    private readonly TimeProvider _time;
    private readonly CliContext _context;

    private DebtShieldApp(TimeProvider time, CliContext context)
    {
        _time = time;
        _context = context;
    }

    /// <summary>The command tree, its descriptions in the run's language (so built once the language is chosen).</summary>
    private CommandApp Build()
    {
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(TimeProvider), _time);
        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("debtshield");
            config.ConfigureConsole(_context.Console);
            config.SetApplicationVersion(Version);
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.AddCommand<RateCommand>("rate")
                .WithDescription(CliText.Rate_Description)
                .WithExample("rate", "samples/loan.json")
                .WithExample("rate", "samples/loan.json", "--json")
                .WithExample("rate", "--batch", "loans.jsonl", "--output", "rates.jsonl");
            config.AddCommand<CheckCommand>("check")
                .WithDescription(CliText.Check_Description)
                .WithExample("check", "samples/loan.json", "--as-of", "2026-11-28", "--demanded", "18600")
                .WithExample("check", "samples/loan.json", "--json")
                .WithExample("check", "--batch", "loans.jsonl", "--as-of", "2026-11-28");
            config.AddCommand<ClassifyCommand>("classify")
                .WithDescription(CliText.Classify_Description)
                .WithExample("classify", "--input", "messages.jsonl", "--output", "labels.jsonl")
                .WithExample("classify", "--text");
            config.AddCommand<Commands.Before.OfferCommand>("offer")
                .WithDescription(CliText.Offer_Description)
                .WithExample("offer", "offer.txt")
                .WithExample("offer", "--amount", "10000", "--term", "12", "--daily-rate", "0.05", "--income", "6000")
                .WithExample("offer", "-", "--json");
            config.AddCommand<Commands.Before.ContractCommand>("contract")
                .WithDescription(CliText.Contract_Description)
                .WithExample("contract", "借款合同.docx")
                .WithExample("contract", "-", "--json");
            config.AddCommand<Commands.Before.ContractCommand>("scam-check")
                .WithDescription(CliText.Scam_Description)
                .WithExample("scam-check", "-");
            config.AddCommand<Commands.Before.LenderCommand>("lender")
                .WithDescription(CliText.Lender_Description)
                .WithExample("lender", "招联消费金融股份有限公司")
                .WithExample("lender", "马上消金", "--json");
            config.AddCommand<Commands.Before.GuideCommand>("guide")
                .WithDescription(CliText.Guide_Description)
                .WithExample("guide")
                .WithExample("guide", "today")
                .WithExample("guide", "scams", "--lang", "en");
            config.AddCommand<DemoCommand>("demo")
                .WithDescription(CliText.Demo_Description)
                .WithExample("demo");
            config.AddBranch("loan", loan =>
            {
                loan.SetDescription(CliText.Loan_Description);
                loan.AddCommand<LoanAddCommand>("add").WithDescription(CliText.Loan_AddDescription)
                    .WithExample("loan", "add", "--loan", "极速借", "--lender", "极速借App", "--kind", "online_platform", "--contract-date", "2026-03-15", "--principal", "10000", "--received", "8000", "--instalments", "12", "--amount", "1150", "--first-due", "2026-04-15");
                loan.AddCommand<LoanListCommand>("list").WithDescription(CliText.Loan_ListDescription)
                    .WithExample("loan", "list", "--json");
                loan.AddCommand<LoanShowCommand>("show").WithDescription(CliText.Loan_ShowDescription)
                    .WithExample("loan", "show", "极速借");
                loan.AddCommand<LoanEditCommand>("edit").WithDescription(CliText.Loan_EditDescription)
                    .WithExample("loan", "edit", "极速借", "--received", "7800");
                loan.AddCommand<LoanRemoveCommand>("remove").WithDescription(CliText.Loan_RemoveDescription)
                    .WithExample("loan", "remove", "极速借");
                loan.AddCommand<LoanImportCommand>("import").WithDescription(CliText.Loan_ImportDescription)
                    .WithExample("loan", "import", "samples/loans.csv")
                    .WithExample("loan", "import", "schedule.txt", "--loan", "极速借", "--lender", "极速借App", "--kind", "online_platform", "--contract-date", "2026-03-15", "--principal", "10000");
            });
            config.AddBranch("payment", payment =>
            {
                payment.SetDescription(CliText.Payment_Description);
                payment.AddCommand<PaymentAddCommand>("add").WithDescription(CliText.Payment_AddDescription)
                    .WithExample("payment", "add", "极速借", "--amount", "1150", "--date", "2026-08-15");
            });
            config.AddBranch("budget", budget =>
            {
                budget.SetDescription(CliText.Budget_Description);
                budget.AddCommand<BudgetShowCommand>("show").WithDescription(CliText.Budget_ShowDescription);
                budget.AddCommand<BudgetSetCommand>("set").WithDescription(CliText.Budget_SetDescription)
                    .WithExample("budget", "set", "--income", "工资=6000", "--expense", "房租=1500", "--expense", "伙食=1200");
            });
            config.AddBranch("case", cases =>
            {
                cases.SetDescription(CliText.Case_Description);
                cases.AddCommand<CaseListCommand>("list").WithDescription(CliText.Case_ListDescription);
                cases.AddCommand<CaseAddCommand>("add").WithDescription(CliText.Case_AddDescription)
                    .WithExample("case", "add", "张三的网贷", "--name", "张三", "--phone", "13800000000");
            });
            config.AddBranch("evidence", evidence =>
            {
                evidence.SetDescription(CliText.Evidence_Description);
                evidence.AddCommand<EvidenceImportCommand>("import").WithDescription(CliText.Evidence_ImportDescription)
                    .WithExample("evidence", "import", "sms-20261128.xml", "--collector", "13800138000")
                    .WithExample("evidence", "import", "calls-20261128.xml");
                evidence.AddCommand<EvidenceScreenshotCommand>("import-screenshot").WithDescription(CliText.Evidence_ScreenshotDescription)
                    .WithExample("evidence", "import-screenshot", "Screenshot_20261103-214500.png", "截图/")
                    .WithExample("evidence", "import-screenshot", "wang-wechat.png", "--recipient", "third_party", "--contact", "同事小王");
                evidence.AddCommand<EvidenceAddCommand>("add").WithDescription(CliText.Evidence_AddDescription)
                    .WithExample("evidence", "add", "--channel", "sms", "--time", "2026-11-03 21:40", "--number", "13800138000", "--contact", "同事小王", "--text", "你同事张三欠钱不还", "--attach", "wang.png")
                    .WithExample("evidence", "add", "--channel", "call", "--time", "2026-11-04 23:10", "--number", "13800138000", "--outcome", "missed");
                evidence.AddCommand<EvidenceListCommand>("list").WithDescription(CliText.Evidence_ListDescription)
                    .WithExample("evidence", "list", "--label", "threat_exposure", "--from", "2026-11-01");
                evidence.AddCommand<EvidenceStatsCommand>("stats").WithDescription(CliText.Evidence_StatsDescription);
                evidence.AddCommand<EvidenceVerifyCommand>("verify").WithDescription(CliText.Evidence_VerifyDescription)
                    .WithExample("evidence", "verify", "--head", "42:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
                evidence.AddCommand<EvidenceHeadCommand>("head").WithDescription(CliText.Evidence_HeadDescription);
                evidence.AddCommand<EvidenceTimestampCommand>("timestamp").WithDescription(CliText.Evidence_TimestampDescription)
                    .WithExample("evidence", "timestamp", "--tsa", "https://freetsa.org/tsr");
                evidence.AddCommand<EvidenceRetractCommand>("retract").WithDescription(CliText.Evidence_RetractDescription)
                    .WithExample("evidence", "retract", "17", "--reason", "这是快递短信，不是催收");
                evidence.AddCommand<EvidenceCollectorsCommand>("collectors").WithDescription(CliText.Evidence_CollectorsDescription);
                evidence.AddCommand<EvidenceCollectorCommand>("collector").WithDescription(CliText.Evidence_CollectorDescription)
                    .WithExample("evidence", "collector", "165 0000 9999", "--lender", "极速借App");
                evidence.AddCommand<EvidenceExportCommand>("export").WithDescription(CliText.Evidence_ExportDescription)
                    .WithExample("evidence", "export", "evidence.zip");
            });
            config.AddCommand<ExportCommand>("export")
                .WithDescription(CliText.Export_Description)
                .WithExample("export", "my-case.json")
                .WithExample("export", "my-case.xlsx");
            config.AddCommand<BackupCommand>("backup")
                .WithDescription(CliText.Backup_Description)
                .WithExample("backup", "ledger-2026-11-28.backup");
            config.AddCommand<RestoreCommand>("restore")
                .WithDescription(CliText.Restore_Description)
                .WithExample("restore", "ledger-2026-11-28.backup", "--db", "restored.db");
            config.AddCommand<PlanCommand>("plan")
                .WithDescription(CliText.Plan_Description)
                .WithExample("plan")
                .WithExample("plan", "--budget", "3000", "--json")
                .WithExample("plan", "--chart", "plan.svg");
            config.AddCommand<DueCommand>("due")
                .WithDescription(CliText.Due_Description)
                .WithExample("due", "--days", "7");
            config.AddBranch("calendar", calendar =>
            {
                calendar.SetDescription(CliText.Calendar_Description);
                calendar.AddCommand<CalendarExportCommand>("export").WithDescription(CliText.Calendar_ExportDescription)
                    .WithExample("calendar", "export", "due-dates.ics");
            });
            config.AddCommand<CreditCommand>("credit")
                .WithDescription(CliText.Credit_Description)
                .WithExample("credit", "--json");
            config.AddCommand<AffordCommand>("afford")
                .WithDescription(CliText.Afford_Description)
                .WithExample("afford", "offer.json");
            config.AddBranch("doc", doc =>
            {
                doc.SetDescription(CliText.Doc_Description);
                doc.AddCommand<DocListCommand>("list").WithDescription(CliText.Doc_ListDescription);
                doc.AddCommand<DocMakeCommand>("make").WithDescription(CliText.Doc_MakeDescription)
                    .WithExample("doc", "make", "regulator-complaint", "--out", "complaint.docx")
                    .WithExample("doc", "make", "negotiation-letter", "--lender", "闪电借", "--set", "hardship=今年失业，收入减少", "--out", "letter.pdf")
                    .WithExample("doc", "make", "contacts-notice", "--out", "notice.md");
            });
            config.AddBranch("db", db =>
            {
                db.SetDescription(CliText.Db_Description);
                db.AddCommand<DbStatusCommand>("status").WithDescription(CliText.Db_StatusDescription);
                db.AddCommand<DbMigrateCommand>("migrate").WithDescription(CliText.Db_MigrateDescription)
                    .WithExample("db", "migrate", "--db", "Host=localhost;Database=debtshield;Username=clinic");
                db.AddCommand<DbProtectCommand>("protect").WithDescription(CliText.Db_ProtectDescription);
            });
        });
        return app;
    }

    /// <summary>The product version, from the assembly.</summary>
    public static string Version { get; } =
        typeof(DebtShieldApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>
    /// The program for one run: <paramref name="time"/> says what "today" is, <paramref name="context"/>
    /// gives the console and the environment.
    /// </summary>
    public static DebtShieldApp Create(TimeProvider time, CliContext context) => new(time, context);

    /// <summary>
    /// Runs the command line and returns the exit code; never throws. The language, the culture and
    /// the context are set for this run's asynchronous flow only, so runs in one process stay apart.
    /// </summary>
    public async Task<int> RunAsync(string[] args)
    {
        _context.Enter();
        args = UiLanguage.Apply(args, _context.Variable("DEBTSHIELD_LANG"));
        try
        {
            return await Build().RunAsync([.. args.Select(a => a == "-" ? StandardInputArgument : a)]);
        }
        catch (CommandAppException e)
        {
            return Fail(UserError, e.Message);
        }
        catch (UserInputException e)
        {
            return Fail(UserError, e.Message);
        }
        catch (Exception e) when (LedgerAccess.DescribeRefusal(e) is { } refusal)
        {
            return Fail(UserError, refusal);
        }
        catch (OperationCanceledException)
        {
            return Fail(Cancelled, CliText.Error_Cancelled);
        }
#pragma warning disable CA1031 // The last line of defence: a bug must still end with a message and exit code 2.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Fail(InternalError, string.Format(System.Globalization.CultureInfo.CurrentCulture, CliText.Error_Internal, e.GetType().Name + ": " + e.Message));
        }
    }

    private int Fail(int code, string message)
    {
        _context.Error.WriteLine("debtshield: " + message.ReplaceLineEndings(" "));
        return code;
    }
}
