namespace Interactive.DlExt;

/// <summary>
/// The descent lab's model: one trainable parameter "point" holding (x, y). Its output for each item is the surface's
/// height there, f(x, y), whatever the input; its backward pass adds the upstream gradient times ∇f to the point's
/// gradient. Training it with any optimizer moves the point downhill, step for step as that optimizer moves a
/// network's weights.
/// </summary>
internal sealed class SurfacePoint : Layer
{
    private readonly Surface _surface;
    private Tensor? _output;

    public SurfacePoint(Surface surface)
        : base("point")
    {
        _surface = surface;
    }

    /// <summary>The point's parameter, [2] = (x, y).</summary>
    public Parameter Point => Parameters[0];

    public override string Describe() => "SurfacePoint(" + _surface.Name + ")";

    public override Tensor Forward(Tensor input, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        var output = Reuse(ref _output, input.BatchSize, [1]);
        var point = Point.Values;
        output.Data.AsSpan().Fill((float)_surface.Value(point[0], point[1]));
        return output;
    }

    public override Tensor? Backward(Tensor outputGradient, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        var upstream = 0.0;
        foreach (var g in outputGradient.Data)
        {
            upstream += g;
        }

        var point = Point.Values;
        var slope = _surface.Evaluate(point[0], point[1]);
        var gradient = Point.Gradient;
        gradient[0] += (float)(upstream * slope.Dx);
        gradient[1] += (float)(upstream * slope.Dy);
        return null;
    }

    protected override int[] OnBuild(int[] inputShape)
    {
        AddParameter("point", [2], Initializer.Zeros, 2, 1);
        return [1];
    }
}
