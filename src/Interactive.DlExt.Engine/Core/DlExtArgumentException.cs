namespace Interactive.DlExt;

/// <summary>
/// The one exception type for bad input: it names the parameter, the value given and what is accepted,
/// so a notebook or console can show a single clean line instead of a stack trace.
/// </summary>
public sealed class DlExtArgumentException : ArgumentException
{
    /// <summary>Creates the exception; the message reads "<paramref name="parameter"/> = value: accepted".</summary>
    /// <param name="parameter">The parameter or option name as the user wrote it.</param>
    /// <param name="value">The value given, as text.</param>
    /// <param name="accepted">What is accepted, e.g. "an integer ≥ 1".</param>
    public DlExtArgumentException(string parameter, string value, string accepted)
        : base($"{parameter} = {value} is not accepted: expected {accepted}.", parameter)
    {
        Value = value;
        Accepted = accepted;
    }

    /// <summary>Creates the exception with a message of its own (for errors that are not about one value).</summary>
    public DlExtArgumentException(string parameter, string message)
        : base(message, parameter)
    {
        Value = string.Empty;
        Accepted = string.Empty;
    }

    /// <summary>The value given, as text.</summary>
    public string Value { get; }

    /// <summary>What the parameter accepts.</summary>
    public string Accepted { get; }

    /// <summary>The message without the " (Parameter 'x')" suffix that <see cref="ArgumentException"/> appends.</summary>
    public string Reason => base.Message.Replace($" (Parameter '{ParamName}')", string.Empty, StringComparison.Ordinal);
}
