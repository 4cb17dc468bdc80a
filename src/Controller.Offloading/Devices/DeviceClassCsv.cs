using System.Globalization;
using System.Text;

namespace Controller.Offloading.Devices;

/// <summary>
/// The device-class table shipped as <c>datasets/edge-cloud/devices.csv</c>: every
/// <see cref="DeviceProfiles"/> entry with its <see cref="ThermalProfiles"/> entry and the derived
/// figures a reader wants (J/token locally, minutes of sustained decoding to the throttling floor).
/// Written from code, never hand-edited; a test keeps the shipped file equal to this output.
/// </summary>
public static class DeviceClassCsv
{
    public const string Header =
        "device_class,local_decode_tokens_per_s,local_prefill_tokens_per_s,local_active_power_w,local_j_per_token," +
        "draft_ms_per_token,draft_j_per_token,wait_power_w,battery_wh,memory_mb,draft_model_memory_mb," +
        "thermal_ambient_c,thermal_busy_steady_c,thermal_tau_s,throttle_start_c,throttle_full_c,speed_floor,minutes_to_floor";

    public static string ToCsv(IEnumerable<DeviceProfile> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var d in devices)
        {
            var t = ThermalProfiles.Get(d.Name);
            double minutesToFloor = t.SecondsToFloor / 60;
            text.AppendJoin(',',
                d.Name, F(d.LocalDecodeTokensPerSecond), F(d.LocalPrefillTokensPerSecond), F(d.LocalActivePowerWatts),
                F(Math.Round(d.LocalJoulesPerToken, 4)), F(d.DraftMsPerToken), F(d.DraftJoulesPerToken), F(d.WaitPowerWatts),
                d.BatteryWattHours is { } wh ? F(wh) : "", F(d.MemoryMb), F(d.DraftModelMemoryMb),
                F(t.AmbientC), F(t.BusySteadyStateC), F(t.TimeConstantSeconds), F(t.ThrottleStartC), F(t.ThrottleFullC), F(t.SpeedFloor),
                double.IsFinite(minutesToFloor) ? F(Math.Round(minutesToFloor, 2)) : "never").Append('\n');
        }

        return text.ToString();
    }

    public static void Write(string path, IEnumerable<DeviceProfile> devices)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, ToCsv(devices), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static string F(double value) => value.ToString(CultureInfo.InvariantCulture);
}
