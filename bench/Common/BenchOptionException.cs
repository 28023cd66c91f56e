namespace Interactive.DlExt.Bench;

/// <summary>A bench command line that names an unknown mode or option, or gives an option a value it does not take:
/// <see cref="BenchOptions.Run"/> prints the message and the usage instead of a stack trace.</summary>
internal sealed class BenchOptionException(string message) : Exception(message);
