using Controller.Contracts;
using Controller.EdgeAgent.Sessions;

namespace Controller.EdgeAgent.Tests.Sessions;

public sealed class AgentSessionTests
{
    private static readonly AgentSessionOptions Fast = new()
    {
        DecisionTimeout = TimeSpan.FromMilliseconds(50),
        OutcomeBackoff = TimeSpan.FromMilliseconds(1),
    };

    private readonly RecordingExecutor _executor = new();

    [Fact]
    public async Task ServeAsync_DecisionInTime_RunsItAndReportsItsOutcomeOnce()
    {
        var controller = new FakeControllerClient().Answers(r => Decision(r, Location.Speculative, draftLength: 4, modalities: ["front"]));

        var result = await Session(controller).ServeAsync(Request());

        Assert.Equal(AgentSessionPath.Obeyed, result.Path);
        var executed = Assert.Single(_executor.Executed);
        Assert.Equal((Location.Speculative, 4), (executed.Location, executed.DraftLength));
        Assert.Equal(["front"], executed.UploadModalityIds);
        var outcome = Assert.Single(controller.Delivered);
        Assert.Equal(result.Decision!.DecisionId, outcome.DecisionId);
        Assert.Equal(Location.Speculative, outcome.ExecutedLocation);
        Assert.True(result.OutcomeDelivered);
        Assert.True(result.DecisionRoundTripTicks > 0);
    }

    [Fact]
    public async Task ServeAsync_ControllerNeverAnswers_AsksTwiceThenFallsBackLocallyReportedAsUnanswered()
    {
        var controller = new FakeControllerClient().Hangs();

        var result = await Session(controller).ServeAsync(Request());

        Assert.Equal(AgentSessionPath.FellBackUnanswered, result.Path);
        Assert.Equal(2, controller.PlacementCalls);
        var executed = Assert.Single(_executor.Executed);
        Assert.Equal(Location.Local, executed.Location);
        Assert.Empty(executed.UploadModalityIds);
        Assert.Equal(0, executed.DraftLength);
        Assert.Null(result.Decision);
        Assert.Null(result.Outcome);
        Assert.Equal(0, controller.OutcomeAttempts);
    }

    [Fact]
    public async Task ServeAsync_FirstAnswerLost_SecondAskObeyed()
    {
        var controller = new FakeControllerClient().Hangs().Answers(r => Decision(r, Location.Cloud));

        var result = await Session(controller).ServeAsync(Request());

        Assert.Equal(AgentSessionPath.Obeyed, result.Path);
        Assert.Equal(2, controller.PlacementCalls);
        Assert.Equal(Location.Cloud, Assert.Single(_executor.Executed).Location);
        Assert.Single(controller.Delivered);
    }

    [Fact]
    public async Task ServeAsync_DecisionExpired_FallsBackLocallyAndReportsTheLocalRunAsItsOutcome()
    {
        var controller = new FakeControllerClient().Answers(r => Decision(r, Location.Cloud, modalities: ["front"]) with
        {
            ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1),
        });

        var result = await Session(controller).ServeAsync(Request());

        Assert.Equal(AgentSessionPath.FellBackExpired, result.Path);
        var executed = Assert.Single(_executor.Executed);
        Assert.Equal(Location.Local, executed.Location);
        Assert.Empty(executed.UploadModalityIds);
        var outcome = Assert.Single(controller.Delivered);
        Assert.Equal(result.Decision!.DecisionId, outcome.DecisionId);
        Assert.Equal(Location.Local, outcome.ExecutedLocation);
        Assert.Empty(outcome.ExecutedModalityIds);
        Assert.Equal(0, outcome.CloudCostUsd);
    }

    [Fact]
    public async Task ServeAsync_ControllerRejectsRequest_RunsNothingReportsNothing()
    {
        var controller = new FakeControllerClient().Rejects();

        var result = await Session(controller).ServeAsync(Request());

        Assert.Equal(AgentSessionPath.Rejected, result.Path);
        Assert.Equal(1, controller.PlacementCalls);
        Assert.Empty(_executor.Executed);
        Assert.Equal(0, controller.OutcomeAttempts);
        Assert.False(result.OutcomeDelivered);
    }

    [Fact]
    public async Task ServeAsync_OutcomeDeliveryFailsTwice_RetriedAndDeliveredOnce()
    {
        var controller = new FakeControllerClient().Answers(r => Decision(r, Location.Local)).OutcomeUnavailable(times: 2);

        var result = await Session(controller).ServeAsync(Request());

        Assert.True(result.OutcomeDelivered);
        Assert.Equal(3, controller.OutcomeAttempts);
        Assert.Equal(result.Outcome, Assert.Single(controller.Delivered));
    }

    [Fact]
    public async Task ServeAsync_OutcomeUnavailableOnEveryAttempt_GivesUpAfterTheConfiguredAttempts()
    {
        var controller = new FakeControllerClient().Answers(r => Decision(r, Location.Local)).OutcomeUnavailable(times: 10);

        var result = await Session(controller, Fast with { OutcomeAttempts = 3 }).ServeAsync(Request());

        Assert.False(result.OutcomeDelivered);
        Assert.Equal(3, controller.OutcomeAttempts);
        Assert.Empty(controller.Delivered);
        Assert.NotNull(result.Outcome);
    }

    [Fact]
    public async Task ServeAsync_OutcomeRejected_NotRetried()
    {
        var controller = new FakeControllerClient().Answers(r => Decision(r, Location.Local)).OutcomeRejected();

        var result = await Session(controller).ServeAsync(Request());

        Assert.False(result.OutcomeDelivered);
        Assert.Equal(1, controller.OutcomeAttempts);
    }

    [Theory]
    [InlineData(0, 5, 100, "DecisionTimeout")]
    [InlineData(1000, 0, 100, "OutcomeAttempts")]
    [InlineData(1000, 5, -1, "OutcomeBackoff")]
    public void Constructor_InvalidOptions_ThrowsNamingTheSetting(int timeoutMs, int attempts, int backoffMs, string setting)
    {
        var options = new AgentSessionOptions
        {
            DecisionTimeout = TimeSpan.FromMilliseconds(timeoutMs),
            OutcomeAttempts = attempts,
            OutcomeBackoff = TimeSpan.FromMilliseconds(backoffMs),
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AgentSession(new FakeControllerClient(), _executor, options, TimeProvider.System));

        Assert.Equal(setting, error.ParamName);
    }

    private AgentSession Session(FakeControllerClient controller, AgentSessionOptions? options = null) =>
        new(controller, _executor, options ?? Fast, TimeProvider.System);

    private static RequestPlacement Request() => new()
    {
        SchemaVersion = SchemaVersions.Current,
        RequestId = Guid.NewGuid(),
        DeviceId = "phone-1",
        DialogueId = "dialogue-1",
        Turn = 0,
        TaskCategory = "Query",
        Modalities = [new ModalityOffer { Id = "front", Kind = ModalityKind.Image, SizeBytes = 40_000 }],
        PromptTokens = 200,
        ExpectedOutputTokens = 64,
        LatencySloMs = 5_000,
        RequestedAt = DateTimeOffset.UtcNow,
    };

    private static PlacementDecided Decision(RequestPlacement request, Location location, int draftLength = 0, string[]? modalities = null) => new()
    {
        SchemaVersion = SchemaVersions.Current,
        RequestId = request.RequestId,
        DecisionId = Guid.NewGuid(),
        Location = location,
        UploadModalityIds = modalities ?? [],
        DraftLength = draftLength,
        Propensity = 0.95,
        PolicyName = "baseline-greedy",
        PolicyVersion = "1",
        DecidedAt = DateTimeOffset.UtcNow,
        ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(30),
    };
}
