namespace Controller.Service.Decisions;

/// <summary>
/// One turn of a dialogue at a time through the read-budget → decide → record section, so two concurrent turns of one
/// dialogue cannot both spend the same remaining budget (the second sees the first's decision as pending spend).
/// Per process: replicas sharing a broker serialise only what each of them receives. Gates exist only while in use.
/// </summary>
public sealed class DialogueGate
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>Dialogues with a turn inside or waiting (for tests and metrics).</summary>
    public int ActiveDialogues
    {
        get
        {
            lock (_gates)
            {
                return _gates.Count;
            }
        }
    }

    /// <summary>Waits until no other turn of <paramref name="dialogueId"/> is inside; dispose the result to leave.</summary>
    public async ValueTask<IDisposable> EnterAsync(string dialogueId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialogueId);
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(dialogueId, out gate!))
            {
                _gates[dialogueId] = gate = new Gate();
            }

            gate.Users++;
        }

        try
        {
            await gate.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(dialogueId, gate, entered: false);
            throw;
        }

        return new Pass(this, dialogueId, gate);
    }

    private void Leave(string dialogueId, Gate gate, bool entered)
    {
        if (entered)
        {
            gate.Turn.Release();
        }

        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(dialogueId);
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Pass(DialogueGate owner, string dialogueId, Gate gate) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                owner.Leave(dialogueId, gate, entered: true);
            }
        }
    }
}
