using Controller.Offloading.Devices;

namespace Controller.Offloading.Tests.Devices;

public sealed class ThermalModelTests
{
    public static TheoryData<string> Phones => new("iphone-15-pro", "android-midrange", "android-budget");

    [Fact]
    public void New_CoolDevice_FullSpeed()
    {
        var model = ThermalModel.For("iphone-15-pro");

        Assert.Equal(1, model.SpeedFactor);
        Assert.Equal(ThermalProfiles.IPhone15Pro.AmbientC, model.TemperatureC);
    }

    [Fact]
    public void Advance_SustainedBusy_TemperatureRisesAndSpeedNeverRises()
    {
        var model = ThermalModel.For("android-midrange");
        double temperature = model.TemperatureC;
        double speed = model.SpeedFactor;
        for (int second = 0; second < 900; second += 10)
        {
            model.Advance(busySeconds: 10, idleSeconds: 0);

            Assert.True(model.TemperatureC > temperature);
            Assert.True(model.SpeedFactor <= speed);
            temperature = model.TemperatureC;
            speed = model.SpeedFactor;
        }

        Assert.True(model.TemperatureC < ThermalProfiles.AndroidMidrange.BusySteadyStateC);
    }

    [Theory]
    [MemberData(nameof(Phones))]
    public void Advance_SustainedDecodingOnPhone_ThroughputHalvesWithinMinutes(string phone)
    {
        // Reference: "local throughput can halve within minutes of sustained decoding". Calibrated so a
        // phone is untouched after one minute and at half speed within six.
        var model = ThermalModel.For(phone);

        model.Advance(60, 0);
        Assert.Equal(1, model.SpeedFactor);
        model.Advance(300, 0);
        Assert.Equal(0.5, model.SpeedFactor, 6);
    }

    [Theory]
    [MemberData(nameof(Phones))]
    public void SecondsToFloor_Phone_IsWhereSpeedReachesFloor(string phone)
    {
        var profile = ThermalProfiles.Get(phone);
        var before = new ThermalModel(profile);
        var after = new ThermalModel(profile);

        before.Advance(profile.SecondsToFloor - 5, 0);
        after.Advance(profile.SecondsToFloor + 1e-6, 0);

        Assert.True(before.SpeedFactor > profile.SpeedFloor);
        Assert.Equal(profile.SpeedFloor, after.SpeedFactor, 9);
        Assert.InRange(profile.SecondsToFloor, 60, 600);
    }

    [Fact]
    public void Advance_IdleAfterThrottling_CoolsBackToFullSpeed()
    {
        var model = ThermalModel.For("iphone-15-pro");
        model.Advance(600, 0);
        Assert.Equal(0.5, model.SpeedFactor, 6);

        model.Advance(0, 60);
        double partlyCooled = model.SpeedFactor;
        model.Advance(0, 600);

        Assert.True(partlyCooled > 0.5);
        Assert.Equal(1, model.SpeedFactor);
        Assert.InRange(model.TemperatureC, ThermalProfiles.IPhone15Pro.AmbientC, ThermalProfiles.IPhone15Pro.AmbientC + 1);
    }

    [Fact]
    public void Advance_SplitIntoManyCalls_SameAsOneCall()
    {
        var whole = ThermalModel.For("raspberry-pi-5");
        var pieces = ThermalModel.For("raspberry-pi-5");

        whole.Advance(300, 0);
        for (int i = 0; i < 300; i++)
        {
            pieces.Advance(1, 0);
        }

        Assert.Equal(whole.TemperatureC, pieces.TemperatureC, 9);
    }

    [Fact]
    public void Advance_FanCooledBoards_NeverLoseMoreThanFifteenPercent()
    {
        foreach (string board in new[] { "jetson-tx2", "jetson-orin-nx", "laptop-gpu" })
        {
            var model = ThermalModel.For(board);

            model.Advance(3600, 0);

            Assert.InRange(model.SpeedFactor, 0.85, 1.0);
            Assert.True(double.IsPositiveInfinity(model.Profile.SecondsToFloor), board);
        }
    }

    [Fact]
    public void Reset_AfterHeating_CoolAndFullSpeed()
    {
        var model = ThermalModel.For("jetson-nano");
        model.Advance(3600, 0);
        Assert.True(model.SpeedFactor < 1);

        model.Reset();

        Assert.Equal(1, model.SpeedFactor);
        Assert.Equal(ThermalProfiles.JetsonNano.AmbientC, model.TemperatureC);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.PositiveInfinity)]
    public void Advance_BadDuration_Throws(double busy, double idle) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ThermalModel.For("laptop-gpu").Advance(busy, idle));

    [Fact]
    public void ThermalProfiles_EveryDeviceClass_HasAValidProfile()
    {
        Assert.Equal(DeviceProfiles.Names, ThermalProfiles.All.Select(p => p.DeviceClass));
        foreach (var profile in ThermalProfiles.All)
        {
            profile.Validate();
        }
    }

    [Fact]
    public void SpeedAt_BetweenThresholds_Linear()
    {
        var p = ThermalProfiles.IPhone15Pro;

        Assert.Equal(1, p.SpeedAt(p.ThrottleStartC));
        Assert.Equal((1 + p.SpeedFloor) / 2, p.SpeedAt((p.ThrottleStartC + p.ThrottleFullC) / 2), 9);
        Assert.Equal(p.SpeedFloor, p.SpeedAt(p.ThrottleFullC + 10));
    }

    [Fact]
    public void For_UnknownClass_ThrowsListingKnown()
    {
        var ex = Assert.Throws<ArgumentException>(() => ThermalModel.For("toaster"));

        Assert.Contains("iphone-15-pro", ex.Message, StringComparison.Ordinal);
    }
}
