using System.Globalization;

namespace Interactive.DlExt.Bench;

/// <summary>
/// How much other work competed for the CPU during a measurement, from Linux pressure-stall information
/// (<c>/proc/pressure/cpu</c>): the share of wall time in which at least one runnable task (of any
/// process) waited for a core. Near 0 on a quiet machine; on a shared one it says which timings to distrust.
/// </summary>
public sealed class CpuPressure
{
    private const string PressurePath = "/proc/pressure/cpu";
    private readonly long _startMicroseconds;
    private readonly long _startTimestamp;

    private CpuPressure(long startMicroseconds)
    {
        _startMicroseconds = startMicroseconds;
        _startTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    /// <summary>Starts a measurement window.</summary>
    public static CpuPressure Start() => new(ReadSomeTotal());

    /// <summary>
    /// Percentage of the wall time since <see cref="Start"/> during which some task waited for a CPU, or −1
    /// where the kernel does not report pressure (no PSI, not Linux). This process's own threads count
    /// too when they outnumber the cores.
    /// </summary>
    public double StalledPercent()
    {
        var end = ReadSomeTotal();
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(_startTimestamp).TotalMicroseconds;
        return end < 0 || _startMicroseconds < 0 || elapsed <= 0 ? -1 : 100.0 * (end - _startMicroseconds) / elapsed;
    }

    private static long ReadSomeTotal()
    {
        try
        {
            // "some avg10=0.00 avg60=0.00 avg300=0.00 total=123456" (total in microseconds)
            foreach (var line in File.ReadLines(PressurePath))
            {
                if (!line.StartsWith("some ", StringComparison.Ordinal))
                {
                    continue;
                }

                var total = line.Split(' ').FirstOrDefault(field => field.StartsWith("total=", StringComparison.Ordinal));
                if (total is not null && long.TryParse(total.AsSpan(6), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return -1;
    }
}
