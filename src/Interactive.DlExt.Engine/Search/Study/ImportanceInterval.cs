namespace Interactive.DlExt.Search;

/// <summary>A range that a parameter's importance share plausibly lies in (<see cref="ParameterImportanceInterval"/>).</summary>
/// <param name="Low">The lower end, in [0, 1].</param>
/// <param name="High">The upper end, in [0, 1].</param>
public readonly record struct ImportanceInterval(double Low, double High);
