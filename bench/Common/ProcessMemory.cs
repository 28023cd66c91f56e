namespace Interactive.DlExt.Bench;

/// <summary>Memory use of this process as Linux reports it.</summary>
public static class ProcessMemory
{
    /// <summary>
    /// Peak resident set size in MiB (<c>VmHWM</c> in <c>/proc/self/status</c>), or −1 where that file
    /// does not exist (not Linux).
    /// </summary>
    public static double PeakResidentMegabytes()
    {
        const string StatusPath = "/proc/self/status";
        if (!File.Exists(StatusPath))
        {
            return -1;
        }

        foreach (var line in File.ReadLines(StatusPath))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                // "VmHWM:   123456 kB"
                var kilobytes = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
                return kilobytes / 1024.0;
            }
        }

        return -1;
    }
}
