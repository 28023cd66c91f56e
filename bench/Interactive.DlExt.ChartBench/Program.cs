using System.Diagnostics;
using Interactive.DlExt.ChartBench;

// Usage: ChartBench [output-directory]. Times the 100-epoch loss chart and writes it as an SVG.
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
File.WriteAllText(Path.Combine(output, "training-run.svg"), svg);
var withoutPanel = chart with { LowerPanel = null };
Console.WriteLine($"Same chart without the learning-rate panel: {withoutPanel.ToSvg().Length} chars");
