using Controller.Service.Policies;

namespace Controller.Service.Tests.Policies;

public sealed class CanaryAssignmentTests
{
    [Fact]
    public void IsInCanary_TenThousandDevicesAtTenPercent_ShareWithinOnePointAndStable()
    {
        var devices = Enumerable.Range(0, 10_000).Select(i => $"device-{i:D5}").ToList();

        var inCanary = devices.Where(d => CanaryAssignment.IsInCanary("rc-ppo", "v2", d, 0.10)).ToHashSet();
        var again = devices.Where(d => CanaryAssignment.IsInCanary("rc-ppo", "v2", d, 0.10)).ToHashSet();

        // Binomial sd at n = 10,000, p = 0.1 is 0.003; ±0.01 is 3.3 sd.
        double share = inCanary.Count / 10_000.0;
        Assert.InRange(share, 0.09, 0.11);
        Assert.True(inCanary.SetEquals(again));
    }

    [Fact]
    public void Position_KnownDevice_SameValueInEveryProcess()
    {
        // SHA-256("rc-ppo/v2\ndevice-00042") starts with these 8 bytes in any process; string.GetHashCode would not.
        var expected = Convert.ToUInt64(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("rc-ppo/v2\ndevice-00042"u8))[..16], 16) / 18446744073709551616.0;

        Assert.Equal(expected, CanaryAssignment.Position("rc-ppo", "v2", "device-00042"));
    }

    [Fact]
    public void IsInCanary_LargerShare_KeepsEveryDeviceOfTheSmallerShare()
    {
        var devices = Enumerable.Range(0, 2_000).Select(i => $"d{i}").ToList();

        var small = devices.Where(d => CanaryAssignment.IsInCanary("p", "v", d, 0.05));
        var large = devices.Where(d => CanaryAssignment.IsInCanary("p", "v", d, 0.20)).ToHashSet();

        Assert.All(small, d => Assert.Contains(d, large));
    }

    [Fact]
    public void IsInCanary_ShareZero_NoDevice() =>
        Assert.DoesNotContain(Enumerable.Range(0, 1_000), i => CanaryAssignment.IsInCanary("p", "v", $"d{i}", 0));
}
