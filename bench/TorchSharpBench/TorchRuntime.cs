using System.Globalization;
using System.Diagnostics;
using TorchSharp;

namespace Interactive.DlExt.Bench;

/// <summary>Loads libtorch and sets its intra-op thread count.</summary>
internal static class TorchRuntime
{
    /// <summary>Touches libtorch (which loads libLibTorchSharp.so and libtorch_cpu.so), then sets the
    /// thread count when <paramref name="threads"/> &gt; 0, and prints one INFO line.</summary>
    /// <returns>The intra-op thread count in force.</returns>
    public static int Start(int threads)
    {
        var clock = Stopwatch.StartNew();
        var defaultThreads = torch.get_num_threads();
        var loadMilliseconds = clock.Elapsed.TotalMilliseconds;
        if (threads > 0)
        {
            torch.set_num_threads(threads);
        }

        var now = torch.get_num_threads();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, 
            $"INFO torchsharp=0.107.0 libtorch=2.10.0 native_load_ms={loadMilliseconds:F0} default_threads={defaultThreads} interop_threads={torch.get_num_interop_threads()} threads={now}"));
        return now;
    }
}
