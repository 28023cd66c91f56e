using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;

namespace Interactive.DlExt.Cli;

/// <summary>The generated help (usage, options and their defaults) followed by the table of <see cref="ExitCodes"/>.</summary>
internal sealed class HelpWithExitCodes(CommandLineAction help) : SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var code = help is SynchronousCommandLineAction synchronous ? synchronous.Invoke(parseResult) : 0;
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Exit codes:");
        foreach (var (exit, meaning) in ExitCodes.All)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {exit,-5}{meaning}"));
        }

        return code;
    }
}
