namespace Interactive.DlExt.Bench;

/// <summary>Entry point: <c>train</c>, <c>step</c>, <c>order</c>, <c>profile</c> or <c>accuracy</c> (see <see cref="BenchCommands.Usage"/>).</summary>
internal static class Program
{
    public static int Main(string[] args) =>
        BenchOptions.Run(args, BenchCommands.Modes, BenchCommands.Names, BenchCommands.Usage, options =>
            options.Mode switch
            {
                "train" => TrainBenchmark.Run(options),
                "step" => StepBenchmark.Run(options, profile: false),
                "profile" => StepBenchmark.Run(options, profile: true),
                "accuracy" => AccuracyRun.Run(options),
                _ => OrderCheck.Run(options),
            });
}
