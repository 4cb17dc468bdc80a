using System.Net.Http.Json;
using Controller.Contracts;
using Controller.Service.Decisions;
using Controller.Testing;
using Microsoft.EntityFrameworkCore;

namespace Controller.Service.Tests.Decisions;

/// <summary><see cref="DialogueGate"/>: one turn of a dialogue at a time, and concurrent turns cannot overspend.</summary>
public sealed class DialogueGateTests
{
    [Fact]
    public async Task EnterAsync_SameDialogue_SecondWaitsUntilFirstLeaves()
    {
        var gate = new DialogueGate();
        var first = await gate.EnterAsync("device-1", "d-1", CancellationToken.None);

        var second = gate.EnterAsync("device-1", "d-1", CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.Equal(0, gate.ActiveDialogues);
    }

    [Fact]
    public async Task EnterAsync_OtherDialogue_DoesNotWait()
    {
        var gate = new DialogueGate();
        using var first = await gate.EnterAsync("device-1", "d-1", CancellationToken.None);

        var other = gate.EnterAsync("device-1", "d-2", CancellationToken.None).AsTask();

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task EnterAsync_SameDialogueIdOfAnotherDevice_DoesNotWait()
    {
        var gate = new DialogueGate();
        using var first = await gate.EnterAsync("device-1", "d-1", CancellationToken.None);

        var other = gate.EnterAsync("device-2", "d-1", CancellationToken.None).AsTask();

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task EnterAsync_CancelledWhileWaiting_LeavesNoGateBehind()
    {
        var gate = new DialogueGate();
        var first = await gate.EnterAsync("device-1", "d-1", CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = gate.EnterAsync("device-1", "d-1", cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        first.Dispose();
        first.Dispose(); // leaving twice is harmless
        Assert.Equal(0, gate.ActiveDialogues);
    }

    [Fact]
    public async Task Decide_ConcurrentTurnsOfOneDialogue_StayWithinTheCloudBudgetTogether()
    {
        const double budgetUsd = 0.01;
        await using var host = await ControllerTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Decision:DialogueCloudBudgetUsd"] = budgetUsd.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Decision:Epsilon"] = "0",
            // Plenty of energy for the unknown device, so the money budget is the one that binds (its energy runs down too).
            ["Decision:UnknownDeviceEnergyJoules"] = "1000000",
            // And latency enough that Local always fits (here and in the requests' SLO below): when the money is nearly
            // spent the baseline's least-overrun fallback would otherwise weigh a small spend overrun against a larger
            // latency one, and this test is about the gate, not that trade.
            ["Decision:DialogueLatencyBudgetMs"] = "3600000",
        });
        var dialogue = $"dialogue-{Guid.NewGuid():N}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(turn =>
            host.Http.PostAsJsonAsync("v1/placements", TestMessages.Request(dialogueId: dialogue, turn: turn) with { LatencySloMs = 3_600_000 }, ContractJson.Options)));

        Assert.All(answers, a => Assert.True(a.IsSuccessStatusCode, a.StatusCode.ToString()));
        var costs = await host.QueryAsync(db => db.Decisions.Where(d => d.DialogueId == dialogue).Select(d => d.ExpectedCostUsd).ToListAsync());
        Assert.Equal(12, costs.Count);
        Assert.Contains(costs, c => c > 0); // the budget was used, not avoided
        Assert.True(costs.Sum() <= budgetUsd + 1e-12, $"12 concurrent turns planned ${costs.Sum():F5} against a ${budgetUsd} budget ({string.Join(", ", costs.Select(c => c.ToString("F5")))})");
    }
}
