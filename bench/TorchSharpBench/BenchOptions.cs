using System.Globalization;

namespace Interactive.DlExt.Bench;

/// <summary>The command line: a mode followed by <c>--name value</c> pairs.</summary>
internal sealed class BenchOptions
{
    private static readonly string[] Modes = ["train", "step", "order"];
    private static readonly string[] Names = ["model", "bs", "epochs", "threads", "seed", "data", "steps", "warmup", "epoch", "n", "count"];
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private BenchOptions(string mode) => Mode = mode;

    /// <summary>train, step or order.</summary>
    public string Mode { get; }

    public const string Usage =
        "usage: TorchSharpBench train --model mlp|cnn [--bs 64] [--epochs 2] [--threads 2] [--seed 1] [--data DIR]\n" +
        "       TorchSharpBench step  --model mlp|cnn [--bs 64] [--threads 2] [--steps 200] [--warmup 20] [--data DIR]\n" +
        "       TorchSharpBench order [--seed 1] [--epoch 0] [--n 10] [--count 60000]";

    public static BenchOptions Parse(string[] args)
    {
        if (args.Length == 0 || !Modes.Contains(args[0]))
        {
            throw new ArgumentException($"mode '{(args.Length == 0 ? "" : args[0])}' is not one of {string.Join(", ", Modes)}");
        }

        var options = new BenchOptions(args[0]);
        for (var i = 1; i < args.Length; i += 2)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : "";
            if (!Names.Contains(name) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"option '{args[i]}' is not one of --{string.Join(", --", Names)} followed by a value");
            }

            options._values[name] = args[i + 1];
        }

        return options;
    }

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public int Integer(string name, int fallback, int minimum)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new ArgumentException($"--{name} '{text}' is not an integer ≥ {minimum}");
        }

        return value;
    }

    public string Model()
    {
        var model = Text("model", "mlp");
        return model is "mlp" or "cnn" ? model : throw new ArgumentException($"--model '{model}' is not mlp or cnn");
    }
}
