namespace Interactive.DlExt.Tests.Support;

/// <summary>
/// Finite-difference gradient checks: f(x, θ) = Σ wᵢ·layer(x)ᵢ with fixed random w, compared between the
/// layer's Backward and central differences (f(v+h) − f(v−h)) / 2h for every input and parameter value.
/// </summary>
internal static class GradientCheck
{
    /// <summary>Builds <paramref name="layer"/> for <paramref name="itemShape"/>, then checks input and parameter gradients.</summary>
    public static void Layer(Layer layer, int[] itemShape, int batch = 2, ulong seed = 1, double h = 1e-2, double tolerance = 2e-2, bool training = true)
    {
        layer.Build(itemShape);
        var store = new ParameterStore(AllParameters(layer).ToList(), new RandomSource(seed));
        var random = new RandomSource(seed + 100);
        var input = RandomTensor([batch, .. itemShape], random);
        var outputShape = new[] { batch }.Concat(layer.OutputShape).ToArray();
        var weights = RandomTensor(outputShape, random);

        double F(Tensor x)
        {
            // A fresh, identically seeded context each time, so stochastic layers draw the same mask.
            var ctx = new LayerContext(ComputePool.Serial, new RandomSource(seed + 7), training);
            var y = layer.Forward(x, ctx);
            double s = 0;
            for (var i = 0; i < y.Length; i++)
            {
                s += (double)weights.Data[i] * y.Data[i];
            }

            return s;
        }

        F(input);
        store.ZeroGradients();
        var context = new LayerContext(ComputePool.Serial, new RandomSource(seed + 7), training);
        layer.Forward(input, context);
        var inputGradient = layer.Backward(weights.Clone(), context)!.Clone();
        var parameterGradient = (float[])store.Gradients.Clone();

        for (var i = 0; i < input.Length; i++)
        {
            var numeric = Central(v => input.Data[i] = v, input.Data[i], () => F(input), h);
            AssertClose(numeric, inputGradient.Data[i], tolerance, $"{layer.Describe()} input[{i}]");
        }

        for (var i = 0; i < store.Values.Length; i++)
        {
            var numeric = Central(v => store.Values[i] = v, store.Values[i], () => F(input), h);
            AssertClose(numeric, parameterGradient[i], tolerance, $"{layer.Describe()} parameter[{i}]");
        }
    }

    /// <summary>Checks a loss's gradient with respect to its predictions.</summary>
    public static void Loss(Loss loss, Tensor predictions, Tensor targets, double h = 1e-2, double tolerance = 1e-2)
    {
        var gradient = new Tensor(predictions.ShapeArray());
        loss.Compute(predictions, targets, gradient);
        for (var i = 0; i < predictions.Length; i++)
        {
            var numeric = Central(v => predictions.Data[i] = v, predictions.Data[i], () => loss.Compute(predictions, targets, null), h);
            AssertClose(numeric, gradient.Data[i], tolerance, $"{loss.Name} prediction[{i}]");
        }
    }

    public static Tensor RandomTensor(int[] shape, RandomSource random, double scale = 1)
    {
        var t = new Tensor(shape);
        for (var i = 0; i < t.Length; i++)
        {
            t.Data[i] = (float)(random.NextGaussian() * scale);
        }

        return t;
    }

    public static IEnumerable<Parameter> AllParameters(Layer layer) =>
        layer.Parameters.Concat(layer.Children.SelectMany(AllParameters));

    private static double Central(Action<float> set, float original, Func<double> f, double h)
    {
        set((float)(original + h));
        var plus = f();
        set((float)(original - h));
        var minus = f();
        set(original);
        return (plus - minus) / (2 * h);
    }

    private static void AssertClose(double numeric, double analytic, double tolerance, string what)
    {
        var scale = Math.Max(1, Math.Max(Math.Abs(numeric), Math.Abs(analytic)));
        Assert.True(Math.Abs(numeric - analytic) <= tolerance * scale,
            $"{what}: numeric {numeric:G6} vs analytic {analytic:G6}");
    }
}
