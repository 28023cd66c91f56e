namespace Interactive.DlExt.Cli.Grading;

/// <summary>dotnet-repl, which runs the notebooks, is neither in a tool manifest above the working folder (restored) nor
/// installed globally; the message says how to get it (<see cref="ExitCodes.RunnerMissing"/>).</summary>
internal sealed class RunnerMissingException(string message) : Exception(message)
{
    /// <summary>The tool and the version the project's tool manifest pins.</summary>
    public const string Tool = "dotnet-repl 0.3.259";

    /// <summary>What to do, in one sentence.</summary>
    public const string Remedy = "run `dotnet tool restore` in the Interactive.DlExt checkout (its .config/dotnet-tools.json lists dotnet-repl) " +
        "and run dlext grade from inside it, or install it for the user: `dotnet tool install --global dotnet-repl --version 0.3.259`";
}
