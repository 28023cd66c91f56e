using System.Diagnostics;

namespace Interactive.DlExt.Tests.Support;

/// <summary>
/// Headless Chromium for the real-browser tests. CI installs it (.ci/run). Where it is absent the tests
/// fail with a clear message, unless DLEXT_SKIP_BROWSER=1 is set, which skips them.
/// </summary>
public static class Chromium
{
    public const string SkipVariable = "DLEXT_SKIP_BROWSER";

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The browser's path, or null.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => Names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);

    public static bool SkipRequested => Environment.GetEnvironmentVariable(SkipVariable) == "1";

    /// <summary>Loads <paramref name="htmlFile"/> and returns the DOM after its scripts ran (--dump-dom).</summary>
    public static string DumpDom(string htmlFile) => Run(["--dump-dom", new Uri(htmlFile).AbsoluteUri]);

    private static string Run(IReadOnlyList<string> arguments)
    {
        var browser = Find() ?? throw new InvalidOperationException(
            $"Chromium was not found on PATH ({string.Join(", ", Names)}): install it (apt-get install chromium), or set {SkipVariable}=1 to skip the real-browser tests.");
        var profile = Directory.CreateTempSubdirectory("dlext-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--hide-scrollbars", "--window-size=1000,1400", "--user-data-dir=" + profile,
            }.Concat(arguments))
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("Chromium did not finish within 60 s.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"Chromium exited with {process.ExitCode}: {errors.Result}");
            }

            return output.Result;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}

/// <summary>A fact that needs Chromium: skipped only when DLEXT_SKIP_BROWSER=1 and no browser is installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.SkipRequested && Chromium.Find() is null)
        {
            Skip = $"Chromium is not installed and {Chromium.SkipVariable}=1.";
        }
    }
}
