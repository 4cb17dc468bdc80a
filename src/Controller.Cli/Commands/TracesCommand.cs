using System.CommandLine;
using System.Globalization;
using Controller.Training.EdgeCloud.Datasets;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>controller traces generate|show</c>: regenerates the channel traces and tables shipped in
/// <c>datasets/edge-cloud/</c> and summarises a trace file. Unusable arguments or files print one line
/// naming the option or the file, line and field, and exit 2.
/// </summary>
internal static class TracesCommand
{
    private const int BadInput = 2;

    public static Command Create() => new("traces", "Generate and inspect edge–cloud channel traces (datasets/edge-cloud).")
    {
        Generate(),
        Show(),
    };

    private static Command Generate()
    {
        var preset = new Option<string?>("--preset") { Description = "Preset to generate: " + string.Join(", ", ChannelTracePresets.Names) + "." };
        var all = new Option<bool>("--all") { Description = "Generate every preset plus devices.csv and acceptance.csv into the --out folder." };
        var config = new Option<string?>("--config") { Description = "Generate from a generator config JSON (e.g. datasets/edge-cloud/configs/lte.json)." };
        var seconds = new Option<double?>("--seconds") { Description = "Trace length in seconds (default: the preset's, 1800)." };
        var step = new Option<double?>("--step") { Description = "Sampling step in seconds (default: the preset's, 1)." };
        var seed = new Option<int?>("--seed") { Description = "Seed (default: the preset's)." };
        var output = new Option<string>("--out")
        {
            Description = "With --all: the folder (e.g. datasets/edge-cloud). Otherwise a .csv file (its config is written beside it as .json) or a folder (traces/NAME.csv and configs/NAME.json).",
            Required = true,
        };
        var command = new Command("generate", "Generate channel traces deterministically from a preset, a config or all presets: give exactly one of --preset, --config or --all.") { preset, all, config, seconds, step, seed, output };
        command.SetAction(parse =>
        {
            string? presetName = parse.GetValue(preset);
            string? configPath = parse.GetValue(config);
            bool everything = parse.GetValue(all);
            string outPath = parse.GetValue(output)!;
            int sources = (presetName is null ? 0 : 1) + (configPath is null ? 0 : 1) + (everything ? 1 : 0);
            if (sources != 1)
            {
                return Fail("traces generate: give exactly one of --preset, --config or --all.");
            }

            if (everything)
            {
                if (parse.GetValue(seconds) is not null || parse.GetValue(step) is not null || parse.GetValue(seed) is not null)
                {
                    return Fail("traces generate: --all writes the shipped presets as they are; --seconds, --step and --seed apply to --preset or --config.");
                }

                foreach (string path in EdgeCloudDataset.WriteAll(outPath))
                {
                    Console.Out.WriteLine($"wrote {path}");
                }

                return 0;
            }

            ChannelTraceGeneratorConfig chosen;
            try
            {
                chosen = presetName is not null ? ChannelTracePresets.Get(presetName) : ChannelTraceConfigJson.Read(configPath!);
            }
            catch (ArgumentException ex)
            {
                return Fail($"traces generate: --preset: {ex.Message}");
            }
            catch (TraceFormatException ex)
            {
                return Fail($"traces generate: --config: {ex.Message}");
            }

            chosen = chosen with
            {
                DurationSeconds = parse.GetValue(seconds) ?? chosen.DurationSeconds,
                StepSeconds = parse.GetValue(step) ?? chosen.StepSeconds,
                Seed = parse.GetValue(seed) ?? chosen.Seed,
            };
            try
            {
                chosen.Validate();
            }
            catch (ArgumentException ex)
            {
                string option = ex.ParamName switch
                {
                    nameof(ChannelTraceGeneratorConfig.DurationSeconds) => "--seconds",
                    nameof(ChannelTraceGeneratorConfig.StepSeconds) => "--step",
                    var field => $"--config field {field}",
                };
                return Fail($"traces generate: {option}: {ex.Message}");
            }

            if (outPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                var trace = ChannelTraceGenerator.Generate(chosen);
                ChannelTraceCsv.Write(outPath, trace.Samples);
                string configOut = Path.ChangeExtension(outPath, ".json");
                ChannelTraceConfigJson.Write(configOut, chosen);
                Console.Out.WriteLine($"wrote {outPath} ({trace.Samples.Count} rows) and {configOut}");
            }
            else
            {
                var trace = ShippedChannelTraces.Write(outPath, chosen);
                Console.Out.WriteLine(
                    $"wrote {ShippedChannelTraces.TracePath(outPath, chosen.Name)} ({trace.Samples.Count} rows) and {ShippedChannelTraces.ConfigPath(outPath, chosen.Name)}");
            }

            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var file = new Argument<string>("file") { Description = "Trace CSV (time_s,uplink_mbps,downlink_mbps,rtt_ms,link_up)." };
        var command = new Command("show", "Print min/median/max of each column and the outage share of a trace file.") { file };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            IReadOnlyList<TraceSample> samples;
            try
            {
                samples = ChannelTraceCsv.ReadSamples(path);
            }
            catch (TraceFormatException ex)
            {
                return Fail($"traces show: {ex.Message}");
            }

            // Uniform sampling, as ChannelTrace assumes: the last row lasts as long as the step before it.
            double duration = samples[^1].TimeSeconds + (samples[^1].TimeSeconds - samples[^2].TimeSeconds);
            var s = ChannelTraceSummary.Of(samples, duration);
            Console.Out.WriteLine($"{path}: {s.Rows} rows, {F(s.DurationSeconds)} s");
            Console.Out.WriteLine($"{"column",-14}{"min",12}{"median",12}{"max",12}");
            Row("uplink_mbps", s.UplinkMbps);
            Row("downlink_mbps", s.DownlinkMbps);
            Row("rtt_ms", s.RttMs);
            Console.Out.WriteLine($"link down {F(s.DownShare * 100)} % of the time in {s.Outages} outage(s)");
            return 0;
        });
        return command;
    }

    private static void Row(string name, ColumnSummary c) =>
        Console.Out.WriteLine($"{name,-14}{F(c.Min),12}{F(c.Median),12}{F(c.Max),12}");

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return BadInput;
    }
}
