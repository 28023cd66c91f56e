using System.Globalization;

namespace Interactive.DlExt.Bench;

/// <summary>A bench command line: a mode followed by <c>--name value</c> pairs. Each program passes the modes and
/// option names it accepts (its <c>BenchCommands</c>), so both benches parse and reject input the same way.</summary>
internal sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private BenchOptions(string mode) => Mode = mode;

    /// <summary>The first argument, one of the program's modes.</summary>
    public string Mode { get; }

    /// <summary>Parses <paramref name="args"/> and runs <paramref name="mode"/> on them; a bad mode, option or option
    /// value prints its message and <paramref name="usage"/> on standard error and returns 2.</summary>
    public static int Run(string[] args, IReadOnlyList<string> modes, IReadOnlyList<string> names, string usage, Func<BenchOptions, int> mode)
    {
        try
        {
            return mode(Parse(args, modes, names));
        }
        catch (BenchOptionException error)
        {
            Console.Error.WriteLine(error.Message);
            Console.Error.WriteLine(usage);
            return 2;
        }
    }

    public static BenchOptions Parse(string[] args, IReadOnlyList<string> modes, IReadOnlyList<string> names)
    {
        if (args.Length == 0 || !modes.Contains(args[0]))
        {
            throw new BenchOptionException($"mode '{(args.Length == 0 ? "" : args[0])}' is not one of {string.Join(", ", modes)}");
        }

        var options = new BenchOptions(args[0]);
        for (var i = 1; i < args.Length; i += 2)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : "";
            if (!names.Contains(name) || i + 1 >= args.Length)
            {
                throw new BenchOptionException($"option '{args[i]}' is not one of --{string.Join(", --", names)} followed by a value");
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
            throw new BenchOptionException($"--{name} '{text}' is not an integer ≥ {minimum}");
        }

        return value;
    }

    public string Model()
    {
        var model = Text("model", "mlp");
        return model is "mlp" or "cnn" ? model : throw new BenchOptionException($"--model '{model}' is not mlp or cnn");
    }
}
