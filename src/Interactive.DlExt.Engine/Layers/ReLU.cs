namespace Interactive.DlExt;

/// <summary>
/// The rectified linear unit, element-wise: y = max(0, x), dy/dx = 1 where x &gt; 0, else 0.
/// NaN inputs pass through as NaN (and their gradient is NaN) so that a diverging run stays visible; the fused
/// <see cref="Activation.Relu"/> of <see cref="Linear"/> follows the same rule.
/// </summary>
public sealed class ReLU : ElementwiseActivation
{
    /// <summary>Creates the layer.</summary>
    /// <param name="name">An optional display name.</param>
    public ReLU(string? name = null)
        : base(name)
    {
    }

    /// <inheritdoc />
    public override string Describe() => "ReLU";

    /// <inheritdoc />
    private protected override void Apply(ReadOnlySpan<float> x, Span<float> y, SimdPath path)
        => Elementwise.Relu(x, y, path);

    /// <inheritdoc />
    private protected override void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx, SimdPath path)
        => Elementwise.ReluBackward(x, g, dx, path);
}
