using Controller.Offloading.Devices;

namespace Controller.Offloading.Tests.Devices;

public sealed class DeviceProfilesTests
{
    [Theory]
    [InlineData("raspberry-pi-5")]
    [InlineData("jetson-nano")]
    [InlineData("jetson-tx2")]
    [InlineData("jetson-orin-nx")]
    [InlineData("iphone-15-pro")]
    [InlineData("android-midrange")]
    [InlineData("laptop-gpu")]
    public void Get_RequiredClass_ReturnsValidProfile(string name)
    {
        var profile = DeviceProfiles.Get(name);

        Assert.Equal(name, profile.Name);
        profile.Validate();
    }

    [Fact]
    public void Get_OtherCase_FindsProfile()
    {
        Assert.Same(DeviceProfiles.JetsonTx2, DeviceProfiles.Get("Jetson-TX2"));
    }

    [Fact]
    public void Get_UnknownClass_ThrowsNamingItAndListingKnown()
    {
        var error = Assert.Throws<ArgumentException>(() => DeviceProfiles.Get("toaster-9000"));

        Assert.Equal("deviceClass", error.ParamName);
        Assert.Contains("toaster-9000", error.Message, StringComparison.Ordinal);
        foreach (string known in DeviceProfiles.Names)
        {
            Assert.Contains(known, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void All_Names_AreUnique()
    {
        Assert.Equal(DeviceProfiles.All.Count, DeviceProfiles.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(8, DeviceProfiles.All.Count);
    }

    [Fact]
    public void LocalJoulesPerToken_Tx2_ActivePowerOverDecodeSpeed()
    {
        Assert.Equal(15.0 / 5.0, DeviceProfiles.JetsonTx2.LocalJoulesPerToken, 12);
    }

    [Theory]
    [InlineData(400.0, 0)]
    [InlineData(400.5, 0)]
    [InlineData(402.0, 3)]
    [InlineData(100_000.0, 16)]
    public void DraftLengthCap_FreeMemory_FloorOfSpareOverPerToken(double freeMb, int expected)
    {
        // 400 MB draft model; 151,936 × 4 B = 0.607744 MB per draft token; 2 MB spare → 3 tokens.
        Assert.Equal(expected, DeviceProfiles.JetsonTx2.DraftLengthCap(freeMb, 16));
    }

    [Fact]
    public void DraftLengthCap_NaNFreeMemory_ThrowsNamingFreeMemory()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DeviceProfiles.JetsonTx2.DraftLengthCap(double.NaN, 8));
        Assert.Equal("freeMemoryMb", error.ParamName);
    }

    [Fact]
    public void Validate_NegativeDecodeSpeed_ThrowsNamingField()
    {
        var broken = DeviceProfiles.JetsonNano with { LocalDecodeTokensPerSecond = -1 };

        var error = Assert.Throws<ArgumentException>(broken.Validate);
        Assert.Equal(nameof(DeviceProfile.LocalDecodeTokensPerSecond), error.ParamName);
        Assert.Contains("jetson-nano", error.Message, StringComparison.Ordinal);
    }
}
