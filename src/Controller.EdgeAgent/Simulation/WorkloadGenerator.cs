using Controller.Contracts;

namespace Controller.EdgeAgent.Simulation;

/// <summary>
/// Generates the requests a simulated home-assistant device serves: dialogues of 2–5 turns (M4A1's
/// range) over M4A1's four tasks, each turn offering the three camera views with per-turn relevance
/// drawn from M4A1's observed association range (0.13–0.28), and sometimes a short audio clip.
/// </summary>
public sealed class WorkloadGenerator(string deviceId, Random random)
{
    private static readonly string[] Tasks = ["Assistive System", "Message Editing", "Query", "Recommendation"];
    private static readonly string[] Cameras = ["cam-first-person", "cam-side", "cam-overhead"];

    private string _dialogueId = "";
    private int _turn;
    private int _turns;
    private int _dialogueCount;

    /// <summary>Number of dialogues started so far.</summary>
    public int DialogueCount => _dialogueCount;

    public RequestPlacement Next(DateTimeOffset now)
    {
        if (_turn >= _turns)
        {
            _dialogueId = $"{deviceId}-d{_dialogueCount++}";
            _turn = 0;
            _turns = random.Next(2, 6);
        }

        var task = Tasks[random.Next(Tasks.Length)];
        var modalities = new List<ModalityOffer>(4);
        foreach (var camera in Cameras)
        {
            modalities.Add(new ModalityOffer
            {
                Id = camera,
                Kind = ModalityKind.Image,
                SizeBytes = random.Next(120_000, 400_000),
                RelevanceScore = Math.Round(0.134 + (random.NextDouble() * (0.280 - 0.134)), 3),
            });
        }

        if (random.NextDouble() < 0.25)
        {
            modalities.Add(new ModalityOffer { Id = "mic", Kind = ModalityKind.Audio, SizeBytes = random.Next(30_000, 120_000) });
        }

        return new RequestPlacement
        {
            SchemaVersion = SchemaVersions.Current,
            RequestId = Guid.NewGuid(),
            DeviceId = deviceId,
            DialogueId = _dialogueId,
            Turn = _turn++,
            TaskCategory = task,
            Modalities = modalities,
            PromptTokens = random.Next(40, 400),
            ExpectedOutputTokens = task == "Message Editing" ? random.Next(30, 120) : random.Next(80, 400),
            LatencySloMs = 20_000,
            RequestedAt = now,
        };
    }
}
