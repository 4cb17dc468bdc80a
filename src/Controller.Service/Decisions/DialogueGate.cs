namespace Controller.Service.Decisions;

/// <summary>
/// One turn of a dialogue at a time through the read-budget → decide → record section, so two concurrent turns of one
/// dialogue cannot both spend the same remaining budget (the second sees the first's decision as pending spend).
/// Per process: replicas sharing a broker serialise only what each of them receives. Gates exist only while in use.
/// A dialogue is a device's: keyed by (device, dialogue id), so two devices that pick the same id never wait for each other.
/// </summary>
public sealed class DialogueGate
{
    private readonly Dictionary<(string DeviceId, string DialogueId), Gate> _gates = [];

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

    /// <summary>Waits until no other turn of <paramref name="deviceId"/>'s <paramref name="dialogueId"/> is inside; dispose the result to leave.</summary>
    public async ValueTask<IDisposable> EnterAsync(string deviceId, string dialogueId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        ArgumentNullException.ThrowIfNull(dialogueId);
        var key = (deviceId, dialogueId);
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out gate!))
            {
                _gates[key] = gate = new Gate();
            }

            gate.Users++;
        }

        try
        {
            await gate.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(key, gate, entered: false);
            throw;
        }

        return new Pass(this, key, gate);
    }

    private void Leave((string, string) key, Gate gate, bool entered)
    {
        if (entered)
        {
            gate.Turn.Release();
        }

        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(key);
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Pass(DialogueGate owner, (string, string) key, Gate gate) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                owner.Leave(key, gate, entered: true);
            }
        }
    }
}
