namespace Interactive.DlExt.Bench;

/// <summary>What DlExtBench accepts: the TorchSharp bench's modes and options, plus two modes and <c>--init</c>.</summary>
internal static class BenchCommands
{
    public static readonly string[] Modes = ["train", "step", "order", "profile", "accuracy"];

    public static readonly string[] Names = ["model", "bs", "epochs", "threads", "seed", "data", "steps", "warmup", "epoch", "n", "count", "init"];

    public const string Usage =
        "usage: DlExtBench train    --model mlp|cnn [--bs 64] [--epochs 2] [--threads 2] [--seed 1] [--init torch|engine] [--data DIR]\n" +
        "       DlExtBench step     --model mlp|cnn [--bs 64] [--threads 2] [--steps 200] [--warmup 20] [--data DIR]\n" +
        "       DlExtBench profile  --model mlp|cnn [--bs 64] [--threads 2] [--steps 200] [--warmup 20] [--data DIR]\n" +
        "       DlExtBench accuracy --model mlp|cnn [--bs 64] [--epochs 10] [--threads 2] [--seed 1] [--data DIR]\n" +
        "       DlExtBench order [--seed 1] [--epoch 0] [--n 10] [--count 60000]";

    /// <summary>Threads for the engine's pool from <c>--threads</c> (default 2); 0 means all cores, as for TorchSharp.</summary>
    public static int Threads(this BenchOptions options)
    {
        var threads = options.Integer("threads", 2, 0);
        return threads == 0 ? Environment.ProcessorCount : threads;
    }
}
