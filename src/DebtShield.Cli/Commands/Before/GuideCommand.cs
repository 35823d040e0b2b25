using DebtShield.App;
using DebtShield.App.ReadGuide;
using DebtShield.Cli.Rendering;
using DebtShield.Cli.Resources;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DebtShield.Cli.Commands.Before;

/// <summary><c>debtshield guide [TOPIC] [--json]</c>: the rights guide; without a topic, the list of topics.</summary>
internal sealed class GuideCommand : AsyncCommand<GuideCommand.Settings>
{
    /// <summary>The arguments of <c>debtshield guide</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[TOPIC]")]
        [LocalizedDescription(nameof(CliText.Guide_TopicArgument))]
        public string? Topic { get; init; }

        [CommandOption("--json")]
        [LocalizedDescription(nameof(CliText.Rate_JsonOption))]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Topic is null)
        {
            var topics = ReadGuide.Topics();
            if (settings.Json)
            {
                await JsonOutput.WriteAsync(topics, ReportJsonContext.Default.IReadOnlyListGuideTopicSummary, cancellationToken);
            }
            else
            {
                FigureTable.Section(CliContext.Current.Console, CliText.Guide_Topics, topics.Select(t => $"{t.Id,-16} {t.Title}"));
                CliContext.Current.Console.MarkupLine("[dim]" + Markup.Escape(CliText.Guide_Hint) + "[/]");
            }

            return DebtShieldApp.Success;
        }

        var topic = ReadGuide.Read(settings.Topic);
        if (settings.Json)
        {
            await JsonOutput.WriteAsync(topic, ReportJsonContext.Default.GuideTopicReport, cancellationToken);
        }
        else
        {
            MarkdownText.Write(CliContext.Current.Console, topic.Markdown);
        }

        return DebtShieldApp.Success;
    }
}
