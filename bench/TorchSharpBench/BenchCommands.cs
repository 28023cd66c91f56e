namespace Interactive.DlExt.Bench;

/// <summary>What TorchSharpBench accepts.</summary>
internal static class BenchCommands
{
    public static readonly string[] Modes = ["train", "step", "order"];

    public static readonly string[] Names = ["model", "bs", "epochs", "threads", "seed", "data", "steps", "warmup", "epoch", "n", "count"];

    public const string Usage =
        "usage: TorchSharpBench train --model mlp|cnn [--bs 64] [--epochs 2] [--threads 2] [--seed 1] [--data DIR]\n" +
        "       TorchSharpBench step  --model mlp|cnn [--bs 64] [--threads 2] [--steps 200] [--warmup 20] [--data DIR]\n" +
        "       TorchSharpBench order [--seed 1] [--epoch 0] [--n 10] [--count 60000]";
}
