namespace Interactive.DlExt;

/// <summary>An element-wise function fused into a kernel's output (its epilogue).</summary>
public enum Activation
{
    /// <summary>The identity.</summary>
    None,

    /// <summary>max(0, x), keeping NaN (NaN in, NaN out), as the <see cref="ReLU"/> layer.</summary>
    Relu,
}
