using System.Diagnostics;
using Interactive.DlExt.ChartBench;

// Usage: ChartBench [output-directory]. Times the 100-epoch loss chart and writes the sample SVGs.
var output = args.Length > 0 ? args[0] : "chart-samples";
Directory.CreateDirectory(output);
var chart = SampleCharts.TrainingRun();
var svg = chart.ToSvg();
for (var i = 0; i < 200; i++)
{
    svg = chart.ToSvg();
}

const int runs = 1000;
var stopwatch = Stopwatch.StartNew();
for (var i = 0; i < runs; i++)
{
    svg = chart.ToSvg();
}

stopwatch.Stop();
Console.WriteLine($"100-epoch loss chart (train+val per epoch, 1000 steps with EMA, LR panel): {stopwatch.Elapsed.TotalMilliseconds / runs:F3} ms per render, {svg.Length} chars, {System.Text.Encoding.UTF8.GetByteCount(svg)} bytes UTF-8");
foreach (var (name, sample) in SampleCharts.All())
{
    File.WriteAllText(Path.Combine(output, name + ".svg"), sample);
}
