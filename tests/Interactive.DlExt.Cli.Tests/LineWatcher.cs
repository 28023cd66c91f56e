using System.Globalization;

namespace Interactive.DlExt.Cli.Tests;

/// <summary>A string writer that calls back on every line written: a progress callback for tests that act mid-run.</summary>
internal sealed class LineWatcher(Action<string> onLine) : StringWriter(CultureInfo.InvariantCulture)
{
    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        onLine(value ?? "");
    }
}
