namespace Interactive.DlExt.Bench;

/// <summary>Entry point: <c>train</c>, <c>step</c> or <c>order</c> (see <see cref="BenchCommands.Usage"/>).</summary>
internal static class Program
{
    public static int Main(string[] args) =>
        BenchOptions.Run(args, BenchCommands.Modes, BenchCommands.Names, BenchCommands.Usage, options =>
            // The order mode never touches libtorch, so it runs even where TorchSharp cannot load.
            options.Mode switch
            {
                "train" => TrainBenchmark.Run(options),
                "step" => StepBenchmark.Run(options),
                _ => OrderCheck.Run(options),
            });
}
