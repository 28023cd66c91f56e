using System.Globalization;

namespace Interactive.DlExt.Cli;

/// <summary>The command line of the main job, parsed with clear errors.</summary>
internal sealed record CliOptions
{
    public string Data { get; init; } = "digits";

    public string Model { get; init; } = "mlp";

    public int Epochs { get; init; } = 20;

    public int BatchSize { get; init; } = 32;

    public double LearningRate { get; init; } = 1e-3;

    public string Optimizer { get; init; } = "adam";

    public ulong Seed { get; init; } = 1;

    public int Threads { get; init; } = Environment.ProcessorCount;

    public double ValidationSplit { get; init; } = 0.15;

    public int? EarlyStop { get; init; }

    public string? DataFolder { get; init; }

    public string ReportPath { get; init; } = "dlext-report.html";

    public int SweepTrials { get; init; } = 8;

    public bool Help { get; init; }

    public const string Usage = """
        dlext: train a model on real data, sweep its learning rate and batch size, and write an HTML report.

        usage: dlext [options]
          --data digits|fashion-mnist|mnist   data set (default digits, embedded, offline)
          --data-dir PATH                     folder with the IDX .gz files (fashion-mnist/mnist)
          --model mlp|cnn                     architecture (default mlp)
          --epochs N                          passes over the training data (default 20; 10 for fashion-mnist)
          --batch-size N                      samples per step (default 32; 64 for fashion-mnist)
          --lr X                              learning rate (default 1e-3)
          --optimizer NAME                    sgd|momentum|nesterov|adagrad|rmsprop|adam|adamw (default adam)
          --val-split X                       fraction held out for validation (default 0.15)
          --early-stop N                      stop after N epochs without validation improvement
          --seed N                            seed for init, shuffling and splits (default 1)
          --threads N                         compute threads (default: all cores; results are identical)
          --sweep-trials N                    trials of the learning-rate/batch-size sweep after training (default 8; 0 skips it)
          --report PATH                       the HTML report with every chart (default dlext-report.html)
          --help                              this text
        """;

    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        var o = new CliOptions();
        var explicitEpochs = false;
        var explicitBatch = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var name = arg;
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                name = arg[..eq];
                inline = arg[(eq + 1)..];
            }

            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                // "--epochs --lr 0.1" forgot the value: say so rather than reject "--lr" as a number.
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new DlExtArgumentException(name, "nothing", "a value after it");
                }

                return args[++i];
            }

            switch (name)
            {
                case "--help" or "-h": o = o with { Help = true }; break;
                case "--data": o = o with { Data = OneOf(name, Value(), "digits", "fashion-mnist", "mnist") }; break;
                case "--data-dir": o = o with { DataFolder = Value() }; break;
                case "--model": o = o with { Model = OneOf(name, Value(), "mlp", "cnn") }; break;
                case "--epochs": o = o with { Epochs = Int(name, Value(), 1) }; explicitEpochs = true; break;
                case "--batch-size": o = o with { BatchSize = Int(name, Value(), 1) }; explicitBatch = true; break;
                case "--lr": o = o with { LearningRate = Positive(name, Value()) }; break;
                case "--optimizer": o = o with { Optimizer = OneOf(name, Value(), [.. Optimizers.Names]) }; break;
                case "--val-split": o = o with { ValidationSplit = Fraction(name, Value()) }; break;
                case "--early-stop": o = o with { EarlyStop = Int(name, Value(), 1) }; break;
                case "--seed": o = o with { Seed = (ulong)Int(name, Value(), 0) }; break;
                case "--threads": o = o with { Threads = Int(name, Value(), 1) }; break;
                case "--report": o = o with { ReportPath = Value() }; break;
                case "--sweep-trials": o = o with { SweepTrials = Int(name, Value(), 0) }; break;
                default: throw new DlExtArgumentException("option", arg, "one of the options listed by --help");
            }
        }

        if (o.Data != "digits")
        {
            o = o with { Epochs = explicitEpochs ? o.Epochs : 10, BatchSize = explicitBatch ? o.BatchSize : 64 };
        }

        return o;
    }

    private static string OneOf(string name, string value, params string[] accepted) =>
        accepted.Contains(value, StringComparer.Ordinal) ? value : throw new DlExtArgumentException(name, value, "one of " + string.Join(", ", accepted));

    private static int Int(string name, string value, int minimum) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= minimum
            ? v
            : throw new DlExtArgumentException(name, value, $"an integer ≥ {minimum}");

    // Checked here, under the option's own name, so a typo fails before the data set is loaded.
    private static double Positive(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v > 0
            ? v
            : throw new DlExtArgumentException(name, value, "a number > 0 such as 0.001 or 1e-3");

    private static double Fraction(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && v < 1
            ? v
            : throw new DlExtArgumentException(name, value, "a fraction between 0 and 1 (exclusive) such as 0.15");
}
