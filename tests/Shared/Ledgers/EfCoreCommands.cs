using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DebtShield.Tests.Shared;

/// <summary>
/// The commands EF Core runs in the watching test's own asynchronous flow (other tests run in
/// parallel), as its diagnostic listener tells them.
/// </summary>
internal sealed class EfCoreCommands : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<EfCoreCommands?> Current = new();
    private readonly List<string> commands = [];
    private readonly List<IDisposable> subscriptions = [];
    private readonly IDisposable all;

    private EfCoreCommands()
    {
        Current.Value = this;
        all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (commands)
            {
                return [.. commands];
            }
        }
    }

    public static EfCoreCommands Watch() => new();

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && Current.Value == this)
        {
            lock (commands)
            {
                commands.Add((value.Value as CommandEventData)?.Command.CommandText ?? value.Key);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        Current.Value = null;
        all.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }
}
