using System.Globalization;
using System.Net.Http.Json;
using Controller.Contracts;
using Controller.Testing;
using Npgsql;

namespace Controller.Cli.Tests.Replicas;

/// <summary>
/// Two real <c>controller serve</c> processes on one RabbitMQ and one PostgreSQL take concurrent turns of one dialogue:
/// its ledger row lets each decision commit only against the budget the other replica's decisions left.
/// </summary>
public sealed class ReplicaDialogueBudgetTests
{
    private const double BudgetUsd = 0.01;
    private const int Turns = 24;

    [Fact]
    public async Task Serve_TwoReplicasTakeConcurrentTurnsOfOneDialogue_TotalPlannedSpendWithinItsBudget()
    {
        await PostgresTestServer.EnsureReachableAsync();
        await RabbitMqTestServer.EnsureReachableAsync();
        await using var database = await PostgresTestDatabase.CreateAsync("replica_dialogue");
        var settings = new Dictionary<string, string>
        {
            ["Store:Provider"] = "Postgres",
            ["Store:ConnectionString"] = database.ConnectionString,
            ["Bus:EndpointPrefix"] = RabbitMqTestNames.Unique("replicas"),
            ["Bus:AutoDeleteQueues"] = "true",
            ["Decision:DialogueCloudBudgetUsd"] = BudgetUsd.ToString(CultureInfo.InvariantCulture),
            ["Decision:Epsilon"] = "0",
            // Energy and latency to spare, and Local always fitting, so the money budget alone binds (as in the
            // single-replica DialogueGate test).
            ["Decision:UnknownDeviceEnergyJoules"] = "1000000",
            ["Decision:DialogueLatencyBudgetMs"] = "3600000",
        };
        foreach (var (key, value) in RabbitMqTestSettings.ServiceConfiguration(RabbitMqTestSettings.Endpoint))
        {
            settings[key] = value!;
        }

        await using var a = await ServeProcess.StartAsync(settings);
        await using var b = await ServeProcess.StartAsync(settings);
        var dialogue = $"dialogue-{Guid.NewGuid():N}";
        // Warmed up on other dialogues, so the turns below meet on the ledger rather than queue behind start-up.
        await Task.WhenAll(a.Http.PostAsJsonAsync("/v1/placements", TestMessages.Request(), ContractJson.Options), b.Http.PostAsJsonAsync("/v1/placements", TestMessages.Request(), ContractJson.Options));

        var answers = await Task.WhenAll(Enumerable.Range(0, Turns).Select(turn =>
            (turn % 2 == 0 ? a : b).Http.PostAsJsonAsync("/v1/placements", TestMessages.Request(dialogueId: dialogue, turn: turn) with { LatencySloMs = 3_600_000 }, ContractJson.Options)));

        Assert.All(answers, answer => Assert.True(answer.IsSuccessStatusCode, $"{answer.StatusCode}: {answer.Content.ReadAsStringAsync().Result}"));
        var costs = await PlannedCostsAsync(database.ConnectionString, dialogue);
        Assert.Equal(Turns, costs.Count);
        Assert.Contains(costs, c => c > 0); // the budget was used, not avoided
        Assert.True(costs.Sum() <= BudgetUsd + 1e-12,
            $"{Turns} turns on two replicas planned ${costs.Sum():F5} against a ${BudgetUsd} budget ({string.Join(", ", costs.Select(c => c.ToString("F5", CultureInfo.InvariantCulture)))})");
        Assert.Equal(Turns, await LedgerDecisionCountAsync(database.ConnectionString, dialogue));
    }

    private static async Task<List<double>> PlannedCostsAsync(string connectionString, string dialogue)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "ExpectedCostUsd" FROM "Decisions" WHERE "DialogueId" = @dialogue""", connection);
        command.Parameters.AddWithValue("dialogue", dialogue);
        var costs = new List<double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            costs.Add(reader.GetDouble(0));
        }

        return costs;
    }

    private static async Task<int> LedgerDecisionCountAsync(string connectionString, string dialogue)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "DecisionCount" FROM "DialogueLedgers" WHERE "DialogueId" = @dialogue""", connection);
        command.Parameters.AddWithValue("dialogue", dialogue);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
