using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Controller.Persistence.Tests.Support;

/// <summary>
/// Counts EF Core's "transaction starting" events of contexts on one database (EF publishes them on a process-wide
/// <see cref="DiagnosticListener"/>; other tests' databases are told apart by connection string). SQLite offers no view
/// of a connection waiting for its lock, so this is the nearest observable point: a writer that has asked for its
/// transaction while another holds the write lock can go no further until that one ends.
/// </summary>
internal sealed class TransactionStartWatcher : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _connectionString;
    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];
    private int _starts;

    public TransactionStartWatcher(string connectionString)
    {
        _connectionString = connectionString;
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>Transactions asked for on the database since the watcher was made.</summary>
    public int Starts => Volatile.Read(ref _starts);

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.TransactionStarting.Name
            && value.Value is DbContextEventData { Context: { } context }
            && context.Database.GetConnectionString() == _connectionString)
        {
            Interlocked.Increment(ref _starts);
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
        _allListeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
