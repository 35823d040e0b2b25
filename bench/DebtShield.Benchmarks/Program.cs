using BenchmarkDotNet.Running;
using DebtShield.Benchmarks;

// `make-batch FILE COUNT` writes a JSONL file of COUNT twelve-instalment loans for timing
// `debtshield rate --batch` end to end; `make-messages FILE COUNT` writes COUNT 60-character
// collection messages for timing `debtshield classify`; `make-loan-table FILE ROWS` writes a loan
// table CSV of ROWS instalment rows for timing `debtshield loan import`; `make-sms-backup FILE COUNT`
// writes an SMS Backup & Restore XML of COUNT messages for timing `debtshield evidence import`;
// anything else goes to BenchmarkDotNet.
if (args is ["make-batch", var path, var count])
{
    BatchFile.Write(path, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args is ["make-messages", var messagePath, var messageCount])
{
    MessageFile.Write(messagePath, int.Parse(messageCount, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args is ["make-loan-table", var tablePath, var rowCount])
{
    LoanTableFile.Write(tablePath, int.Parse(rowCount, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args is ["make-sms-backup", var backupPath, var smsCount])
{
    PhoneBackupFile.Write(backupPath, int.Parse(smsCount, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
