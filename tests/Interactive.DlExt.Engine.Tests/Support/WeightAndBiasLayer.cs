namespace Interactive.DlExt.Tests.Support;

/// <summary>A do-nothing layer that only declares a "weight" and a "bias" of chosen sizes, so tests can get a
/// real <see cref="ParameterStore"/> with known values for optimizers and penalties.</summary>
internal sealed class WeightAndBiasLayer(int[] weightShape, int biasLength) : Layer("WeightAndBias")
{
    /// <summary>Builds the layer and returns its store with values set to <paramref name="weight"/> (a [1, n] matrix,
    /// or a vector [n] when <paramref name="vectorWeight"/> is set, as batch norm's scale) then <paramref name="bias"/>.</summary>
    public static ParameterStore Store(float[] weight, float[]? bias = null, bool vectorWeight = false)
    {
        bias ??= [];
        // Built like GradientCheck does (Layer.Build + the internal ParameterStore constructor); Sequential.Build
        // called itself instead of Layer.Build on this branch's base commit.
        var layer = new WeightAndBiasLayer(vectorWeight ? [weight.Length] : [1, weight.Length], bias.Length);
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
        AddParameter("weight", weightShape, Initializer.Zeros, 1, 1);
        if (biasLength > 0)
        {
            AddParameter("bias", [biasLength], Initializer.Zeros, 1, 1);
        }

        return inputShape;
    }
}
