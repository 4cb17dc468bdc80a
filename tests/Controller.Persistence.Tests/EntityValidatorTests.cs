using Controller.Persistence.Entities;
using static Controller.Persistence.Tests.Support.TestEntities;

namespace Controller.Persistence.Tests;

public sealed class EntityValidatorTests
{
    [Fact]
    public void Validate_ValidEntities_DoNotThrow()
    {
        var decision = Decision("dev-1", "dlg-1", 0, BaseTime);
        EntityValidator.Validate(Heartbeat("dev-1", BaseTime));
        EntityValidator.Validate(decision);
        EntityValidator.Validate(Outcome(decision));
        EntityValidator.Validate(Policy("rc-ppo", "v1", BaseTime));
        EntityValidator.Validate(TrainingJob(BaseTime));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Validate_DecisionPropensityOutsideUnitInterval_ThrowsNamingField(double propensity)
    {
        var decision = Decision("dev-1", "dlg-1", 0, BaseTime);
        decision.Propensity = propensity;

        var error = Assert.Throws<ArgumentException>(() => EntityValidator.Validate(decision));

        Assert.Equal(nameof(DecisionEntity.Propensity), error.ParamName);
        Assert.Contains(decision.DecisionId.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownLocationName_ThrowsListingNames()
    {
        var decision = Decision("dev-1", "dlg-1", 0, BaseTime);
        decision.Location = "Moon";

        var error = Assert.Throws<ArgumentException>(() => EntityValidator.Validate(decision));

        Assert.Contains("Location 'Moon' is not one of: Local, Cloud, Speculative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NulCharacterInDeviceId_ThrowsNamingField()
    {
        var heartbeat = Heartbeat("dev\0-1", BaseTime);

        var error = Assert.Throws<ArgumentException>(() => EntityValidator.Validate(heartbeat));

        Assert.Equal(nameof(HeartbeatEntity.DeviceId), error.ParamName);
        Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RequestJsonNotJson_ThrowsNamingField()
    {
        var decision = Decision("dev-1", "dlg-1", 0, BaseTime);
        decision.RequestJson = "{not json";

        var error = Assert.Throws<ArgumentException>(() => EntityValidator.Validate(decision));

        Assert.Equal(nameof(DecisionEntity.RequestJson), error.ParamName);
    }

    [Fact]
    public void Validate_EmptyModalityId_ThrowsNamingIndex()
    {
        var decision = Decision("dev-1", "dlg-1", 0, BaseTime);
        decision.UploadModalityIds = ["cam-front", ""];

        var error = Assert.Throws<ArgumentException>(() => EntityValidator.Validate(decision));

        Assert.Equal("UploadModalityIds[1]", error.ParamName);
    }

    [Fact]
    public void Validate_EmptyHeartbeatId_Throws()
    {
        var heartbeat = Heartbeat("dev-1", BaseTime, Guid.Empty);

        var error = Assert.Throws<ArgumentException>(() => EntityValidator.Validate(heartbeat));

        Assert.Equal(nameof(HeartbeatEntity.HeartbeatId), error.ParamName);
    }

    [Fact]
    public void Validate_NegativeOutcomeBytes_ThrowsNamingField()
    {
        var outcome = Outcome(Decision("dev-1", "dlg-1", 0, BaseTime));
        outcome.BytesUp = -1;

        var error = Assert.Throws<ArgumentException>(() => EntityValidator.Validate(outcome));

        Assert.Equal(nameof(OutcomeEntity.BytesUp), error.ParamName);
    }

    [Fact]
    public void Validate_UnknownNetworkName_ThrowsNamingValue()
    {
        var heartbeat = Heartbeat("dev-1", BaseTime);
        heartbeat.Network = "wifi";

        var error = Assert.Throws<ArgumentException>(() => EntityValidator.Validate(heartbeat));

        Assert.Contains("Network 'wifi'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateCompletion_MetricsNotJson_ThrowsNamingField()
    {
        var error = Assert.Throws<ArgumentException>(() => EntityValidator.ValidateCompletion(Guid.NewGuid(), "reward=1", null));

        Assert.Equal(nameof(TrainingJobEntity.MetricsJson), error.ParamName);
    }
}
