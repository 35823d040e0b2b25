using BenchmarkDotNet.Running;
using DebtShield.Benchmarks;

// `make-batch FILE COUNT` writes a JSONL file of COUNT twelve-instalment loans for timing
// `debtshield rate --batch` end to end; `make-messages FILE COUNT` writes COUNT 60-character
// collection messages for timing `debtshield classify`; `make-loan-table FILE ROWS` writes a loan
// table CSV of ROWS instalment rows for timing `debtshield loan import`; `make-sms-backup FILE COUNT`
// writes an SMS Backup & Restore XML of COUNT messages for timing `debtshield evidence import`;
// `train-conduct-model` retrains data/conduct/model.txt from the repository's labelled messages;
// `plan-quality` solves the planning benchmark's case with several time limits and prints how far
// each heuristic is from it;
// anything else goes to BenchmarkDotNet.
if (args is ["make-batch", var path, var count])
{
    BatchFile.Write(path, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

// `make-check-batch FILE COUNT` writes COUNT loans of 36 instalments and 40 payments for timing
// `debtshield check --batch`.
if (args is ["make-check-batch", var checkPath, var checkCount])
{
    BatchFile.Write(checkPath, int.Parse(checkCount, System.Globalization.CultureInfo.InvariantCulture), instalments: 36, payments: 40);
    return;
}

// `irr-convergence COUNT` solves every rate of COUNT generated loans and checks each converged (issue 27).
if (args is ["irr-convergence", var convergenceCount])
{
    Environment.ExitCode = IrrConvergence.Run(int.Parse(convergenceCount, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

// `irr-evaluations COUNT` counts the IRR solver's evaluations over COUNT loans of each generated population (issue 27).
if (args is ["irr-evaluations", var evaluationCount])
{
    Environment.ExitCode = IrrEvaluations.Run(int.Parse(evaluationCount, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args is ["train-conduct-model"])
{
    ConductModelFile.Train(Directory.GetCurrentDirectory());
    return;
}

// `make-conduct-synthetic` writes data/conduct/synthetic/messages.jsonl (training variants, never evaluated on);
// `conduct-model-study` measures the model against the rules leaving one tuning source out, and with
// `--held-out` scores the held-out sources too (issue 21: once, at the end).
if (args is ["make-conduct-synthetic"])
{
    Console.WriteLine($"{ConductSyntheticSet.Write(Directory.GetCurrentDirectory()).Count} synthetic variants");
    return;
}

if (args is ["conduct-model-study", .. var studyOptions])
{
    ConductModelStudy.Run(Directory.GetCurrentDirectory(), heldOut: studyOptions.Contains("--held-out"));
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

// `make-iphone-backup FOLDER COUNT` writes the same messages as an unencrypted iPhone backup folder.
if (args is ["make-iphone-backup", var iphoneFolder, var iphoneCount])
{
    IphoneBackupFile.Write(iphoneFolder, int.Parse(iphoneCount, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

// `make-screenshots FOLDER COUNT` paints COUNT chat screenshots for timing `debtshield evidence
// import-screenshot`; `screenshot-accuracy COUNT` paints COUNT, reads them back and prints how much
// of the text, the bubbles and their sides came back.
if (args is ["make-screenshots", var screenFolder, var screenCount])
{
    ScreenshotSet.Write(screenFolder, int.Parse(screenCount, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args is ["screenshot-accuracy", var accuracyCount])
{
    await ScreenshotSet.MeasureAsync(int.Parse(accuracyCount, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

// `screenshot-set [--verbose] [WORD]` reads issue 24's screenshot set (every app, theme, scale, JPEG, crops,
// overlapping pairs, non-chats) and prints how the reading compares with what was painted
// (`--verbose` lists every bubble; a word such as `ios` or `pair` reads only the screenshots whose app
// or variant contains it); `screenshot-set --write FOLDER` writes the images and their ground truth instead;
// `screenshot-set --folder FOLDER [--truth FILE] [--verbose]` reads real screenshots kept in FOLDER against a
// labeller's truth file there (truth.jsonl, the two passes decided, unless told) and prints the same figures.
if (args is ["screenshot-set", .. var setArgs])
{
    if (setArgs is ["--write", var setFolder])
    {
        DebtShield.Tests.Screenshots.ChatShotSet.Write(setFolder);
        return;
    }

    if (setArgs is ["--folder", var realFolder, .. var realArgs])
    {
        var truthAt = Array.IndexOf(realArgs, "--truth");
        var truthFile = truthAt >= 0 && truthAt + 1 < realArgs.Length ? realArgs[truthAt + 1] : "truth.jsonl";
        try
        {
            await ScreenshotSetAccuracy.RunAsync(RealShotSet.Load(realFolder, truthFile), verbose: realArgs.Contains("--verbose"));
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine(e.Message);
            Environment.ExitCode = 1;
        }

        return;
    }

    await ScreenshotSetAccuracy.RunAsync(verbose: setArgs.Contains("--verbose"), only: setArgs.FirstOrDefault(a => a != "--verbose"));
    return;
}

if (args is ["read-screenshot", var screenshot])
{
    var reading = await DebtShield.Import.Screenshots.ScreenshotReader.ReadAsync(File.ReadAllBytes(screenshot), Path.GetFileName(screenshot), DateTimeOffset.Now, new DebtShield.Import.Screenshots.TesseractOcr());
    Console.WriteLine(reading.Chat.Title);
    foreach (var message in reading.Chat.Messages)
    {
        Console.WriteLine(System.FormattableString.Invariant($"{message.Direction} {message.Time:yyyy-MM-dd HH:mm} {message.Confidence:0.00} {message.Box} {message.Text}"));
    }

    return;
}

if (args is ["plan-quality", .. var limits])
{
    // How far the optimised plan of the benchmark case gets, and how it compares with the heuristics.
    var problem = PlanningBenchmarks.Problem();
    var heuristics = new[] { DebtShield.Core.Planning.PlanStrategy.Avalanche, DebtShield.Core.Planning.PlanStrategy.Snowball, DebtShield.Core.Planning.PlanStrategy.LawfulFirst }
        .Select(s => DebtShield.Core.Planning.PlanSimulation.Run(problem, s)).ToArray();
    foreach (var limit in limits.Length > 0 ? limits.Select(l => int.Parse(l, System.Globalization.CultureInfo.InvariantCulture)) : [2, 10, 30])
    {
        var result = DebtShield.Planning.Optimization.OptimalPlan.Solve(problem, heuristics.MinBy(o => o.Objective), TimeSpan.FromSeconds(limit));
        var optimum = DebtShield.Core.Planning.PlanSimulation.Evaluate(problem, DebtShield.Core.Planning.PlanStrategy.Optimized, result.Payments!);
        Console.WriteLine(System.FormattableString.Invariant($"limit {limit} s: {result.Status} in {result.Elapsed.TotalSeconds:0.00} s, proven gap {result.Gap:P3}, bound {result.Bound:0.00}, objective {optimum.Objective:0.00}, days behind {optimum.DaysBehind}; ")
            + string.Join("; ", heuristics.Select(h => System.FormattableString.Invariant($"{h.Strategy} {h.Objective:0.00} ({(h.Objective - optimum.Objective) / optimum.Objective:P2}), days behind {h.DaysBehind}"))));
    }

    return;
}

// `conduct-cpu COUNT`: the shipped analyser's CPU time a message on one thread (issue 21's one-core target), for a
// machine too loaded for BenchmarkDotNet's clock.
if (args is ["conduct-cpu", var analyses])
{
    var (micros, perSecond) = ConductBenchmarks.CpuPerMessage(int.Parse(analyses, System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine(System.FormattableString.Invariant($"{micros:0.00} µs of CPU a message, {perSecond:#,0} messages a second on one core"));
    return;
}

// `unlock-cpu ROUNDS`: the CPU time of unlocking a protected ledger in two lanes (earlier versions) and in one
// (libsodium, the default), alternated (issue 26).
if (args is ["unlock-cpu", var rounds])
{
    var (twoLanes, oneLane) = PassphraseBenchmarks.CpuPerUnlock(int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine(System.FormattableString.Invariant($"unlock at 64 MiB, 3 passes: 2 lanes (managed) {twoLanes.TotalSeconds:0.000} s of CPU, 1 lane (libsodium) {oneLane.TotalSeconds:0.000} s"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
