namespace Interactive.DlExt;

/// <summary>
/// An optimizer's update of one group of parameters θ with their gradients g and up to two state values
/// (a velocity, moments …), written once for every lane width (see <see cref="ILanes{TSelf}"/>).
/// </summary>
internal interface IParameterRule
{
    /// <summary>How many of <c>first</c> and <c>second</c> the rule reads and writes (0, 1 or 2).</summary>
    static abstract int States { get; }

    /// <summary>Updates θ (and the state) in place from g.</summary>
    void Update<T>(ref T theta, T gradient, ref T first, ref T second)
        where T : struct, ILanes<T>;
}
