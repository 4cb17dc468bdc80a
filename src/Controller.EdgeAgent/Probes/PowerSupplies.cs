namespace Controller.EdgeAgent.Probes;

/// <summary>
/// <c>/sys/class/power_supply/*</c>: batteries (<c>type</c> Battery: <c>capacity</c> 0–100, <c>status</c>) and
/// external supplies (Mains, USB: <c>online</c> 0/1). A device with several batteries reports their mean charge.
/// </summary>
public static class PowerSupplies
{
    public static (double? BatteryPercent, bool? OnExternalPower) Read(SysFsReader fs)
    {
        var capacities = new List<double>();
        bool? external = null;
        foreach (var supply in fs.Entries("sys/class/power_supply", "*"))
        {
            var dir = $"sys/class/power_supply/{supply}";
            switch (fs.ReadText($"{dir}/type")?.Trim())
            {
                case "Battery":
                    if (fs.ReadLong($"{dir}/capacity") is { } capacity and >= 0 and <= 100)
                    {
                        capacities.Add(capacity);
                    }

                    if (fs.ReadText($"{dir}/status")?.Trim() is "Charging" or "Full")
                    {
                        external = true;
                    }

                    break;
                case "Mains" or "USB" or "USB_C" or "USB_PD" or "Wireless":
                    if (fs.ReadLong($"{dir}/online") is { } online and (0 or 1))
                    {
                        external = external == true || online == 1;
                    }

                    break;
            }
        }

        return (capacities.Count == 0 ? null : capacities.Average(), external);
    }
}
