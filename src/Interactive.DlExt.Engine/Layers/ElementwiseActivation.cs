namespace Interactive.DlExt;

/// <summary>
/// The base of the element-wise activation layers (<see cref="ReLU"/>, <see cref="LeakyReLU"/>, <see cref="GELU"/>,
/// <see cref="Sigmoid"/>, <see cref="Tanh"/>): y = f(x) for each element, the output has the input's shape, and
/// the backward pass computes dx = dy·f′(x) from x, y and dy. Only this library's layers derive from it.
/// </summary>
public abstract class ElementwiseActivation : Layer
{
    private readonly ElementwiseMap _map = new();
    private readonly ElementwiseForward _apply;
    private readonly ElementwiseBackward _differentiate;

    private protected ElementwiseActivation(string? name)
        : base(name)
    {
        // Bound once here, not on every pass: a method group of an instance method allocates a delegate each time.
        _apply = Apply;
        _differentiate = Differentiate;
    }

    /// <inheritdoc />
    public sealed override Tensor Forward(Tensor input, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CheckInput(input);
        return _map.Forward(input, context.Pool, _apply);
    }

    /// <inheritdoc />
    public sealed override Tensor? Backward(Tensor outputGradient, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return InputGradientRequired ? _map.Backward(outputGradient, context.Pool, _differentiate) : null;
    }

    /// <inheritdoc />
    protected sealed override int[] OnBuild(int[] inputShape) => (int[])inputShape.Clone();

    /// <summary>y = f(x) for one chunk of elements, on <paramref name="path"/> (usually <see cref="LaneLoop.Forward{TRule}"/>
    /// with the layer's <see cref="IForwardRule"/>).</summary>
    private protected abstract void Apply(ReadOnlySpan<float> x, Span<float> y, SimdPath path);

    /// <summary>dx = g·f′(x) for one chunk, given x, y = f(x) and the output gradient g, on <paramref name="path"/>.</summary>
    private protected abstract void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx, SimdPath path);
}
