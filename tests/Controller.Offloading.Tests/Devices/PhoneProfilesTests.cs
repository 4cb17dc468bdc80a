using Controller.Offloading.Devices;

namespace Controller.Offloading.Tests.Devices;

public sealed class PhoneProfilesTests
{
    [Fact]
    public void AndroidBudget_InsideReferencePhoneRanges()
    {
        // Reference: 1–4B draft on a phone 20–110 ms/token; phones 0.1–0.5 J/token; battery 15–20 Wh.
        var phone = DeviceProfiles.Get("android-budget");
        phone.Validate();

        Assert.InRange(phone.DraftMsPerToken, 20, 110);
        Assert.InRange(phone.DraftJoulesPerToken, 0.1, 0.5);
        Assert.NotNull(phone.BatteryWattHours);
        Assert.InRange(phone.BatteryWattHours!.Value, 15, 20);
        Assert.True(phone.DraftLengthCap(phone.MemoryMb, 16) > 0);
    }
}
