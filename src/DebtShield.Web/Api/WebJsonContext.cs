using System.Text.Json;
using System.Text.Json.Serialization;
using DebtShield.App.ImportLoans;
using DebtShield.App.Input;
using DebtShield.App.RecordEvidence;
using DebtShield.Web.Accounts;
using DebtShield.Web.Forms;

namespace DebtShield.Web.Api;

/// <summary>
/// The JSON shape of every body the API reads and every answer it writes that is the web's own (the
/// App's reports are <see cref="App.ReportJsonContext"/>), with the web defaults the API has always
/// used (camelCase, names read in any case).
/// </summary>
/// <remarks>
/// Generated at build time so that no endpoint resolves its types by reflection: without it, the
/// first request of every start built these types' metadata and emitted and compiled accessors for
/// their properties, about 800 methods through the JIT (docs/benchmarks.md, issue 25). A type an
/// endpoint reads or writes that is missing here would still work by reflection; the web tests'
/// <c>WebJsonContextTests</c> hold the list complete. An App report is not listed again here: its
/// figures are written through App-internal properties (<see cref="App.LoanFigures"/>) that only
/// App's own generated code can read.
/// </remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, Converters = [typeof(ReadingProblemJson)])]
[JsonSerializable(typeof(CaseFigure))]
[JsonSerializable(typeof(List<CaseFigure>))]
[JsonSerializable(typeof(NewCase))]
[JsonSerializable(typeof(LoanForm))]
[JsonSerializable(typeof(AddedLoan))]
[JsonSerializable(typeof(ImportSummary))]
[JsonSerializable(typeof(EvidencePageFigure))]
[JsonSerializable(typeof(List<ChainFigure>))]
[JsonSerializable(typeof(PhoneBackupImport))]
[JsonSerializable(typeof(List<DocumentKindFigure>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(OfferCheck))]
[JsonSerializable(typeof(IReadOnlyList<AccountFigure>))]
[JsonSerializable(typeof(NewAccount))]
[JsonSerializable(typeof(AddedAccount))]
[JsonSerializable(typeof(RoleChange))]
[JsonSerializable(typeof(PasswordReset))]
[JsonSerializable(typeof(AccountRemoval))]
[JsonSerializable(typeof(IReadOnlyList<AssignedCase>))]
[JsonSerializable(typeof(AuditPage))]
[JsonSerializable(typeof(Assignment))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
