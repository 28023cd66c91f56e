namespace Interactive.DlExt.Tests.Support;

/// <summary>A do-nothing layer that only declares a "weight" and a "bias" of chosen lengths, so tests can get a
/// real <see cref="ParameterStore"/> with known values for optimizers and regularization.</summary>
internal sealed class WeightAndBiasLayer(int weightLength, int biasLength) : Layer("WeightAndBias")
{
    /// <summary>Builds a one-layer model and returns its store with values set to <paramref name="weight"/> then <paramref name="bias"/>.</summary>
    public static ParameterStore Store(float[] weight, float[]? bias = null)
    {
        bias ??= [];
        // Built like GradientCheck does (Layer.Build + the internal ParameterStore constructor) rather than through
        // Sequential.Build, which at this commit calls itself instead of Layer.Build and overflows the stack.
        var layer = new WeightAndBiasLayer(weight.Length, bias.Length);
        layer.Build([1]);
        var store = new ParameterStore(layer.Parameters, new RandomSource(0));
        weight.CopyTo(store.Values, 0);
        bias.CopyTo(store.Values, weight.Length);
        return store;
    }

    public override Tensor Forward(Tensor input, LayerContext context) => input;

    public override Tensor? Backward(Tensor outputGradient, LayerContext context) => outputGradient;

    protected override int[] OnBuild(int[] inputShape)
    {
        AddParameter("weight", [weightLength], Initializer.Zeros, 1, 1);
        if (biasLength > 0)
        {
            AddParameter("bias", [biasLength], Initializer.Zeros, 1, 1);
        }

        return inputShape;
    }
}
