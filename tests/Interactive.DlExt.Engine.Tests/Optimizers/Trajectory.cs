using System.Numerics;

namespace Interactive.DlExt.Tests.Optimizers;

/// <summary>The made-up three-step problem every optimizer test uses, and the check against a hand computation.</summary>
internal static class Trajectory
{
    /// <summary>θ₀.</summary>
    public static readonly double[] Start = [1.0, -2.0, 0.5];

    /// <summary>g at steps 1, 2 and 3.</summary>
    public static readonly double[][] Gradients =
    [
        [0.5, -1.0, 2.0],
        [0.1, 0.3, -0.4],
        [-0.2, 0.05, 1.5],
    ];

    /// <summary>Runs three steps and compares θ after each with <paramref name="expected"/> (within 1e-6).
    /// The three values are repeated Vector&lt;float&gt;.Count + 1 times, so the store's length is not a multiple
    /// of the vector width and both the SIMD body and the scalar tail are checked against the hand computation.</summary>
    public static void Check(Optimizer optimizer, double learningRate, double[][] expected)
    {
        var copies = Vector<float>.Count + 1;
        var store = Support.WeightAndBiasLayer.Store(Repeat(Start, copies));
        for (var step = 0; step < 3; step++)
        {
            Repeat(Gradients[step], copies).CopyTo(store.Gradients, 0);
            optimizer.Step(store, learningRate, ComputePool.Serial);
            Assert.Equal(step + 1, optimizer.StepCount);
            for (var i = 0; i < store.Values.Length; i++)
            {
                var want = expected[step][i % 3];
                Assert.True(Math.Abs(store.Values[i] - want) <= 1e-6,
                    $"{optimizer.Name} step {step + 1}, θ[{i}]: expected {want:R}, got {store.Values[i]:R}");
            }
        }
    }

    /// <summary>Records θ after each step of a hand-written update (applied to a copy of <see cref="Start"/>).</summary>
    public static double[][] Expected(Action<int, double[]> step)
    {
        var theta = (double[])Start.Clone();
        var result = new double[3][];
        for (var t = 0; t < 3; t++)
        {
            step(t, theta);
            result[t] = (double[])theta.Clone();
        }

        return result;
    }

    private static float[] Repeat(double[] values, int copies)
    {
        var result = new float[values.Length * copies];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (float)values[i % values.Length];
        }

        return result;
    }
}
