using System.Numerics;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Optimizers;

public class OptimizersTests
{
    public static TheoryData<string> Names() => new(Interactive.DlExt.Optimizers.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void Factory_creates_each_named_optimizer_and_the_name_round_trips(string name)
    {
        var optimizer = Interactive.DlExt.Optimizers.Create(name.ToUpperInvariant(), 0.01);
        Assert.Equal(name, optimizer.Name);
        Assert.Equal(0.01, optimizer.LearningRate);
        Assert.False(string.IsNullOrWhiteSpace(optimizer.Formula));
    }

    [Fact]
    public void Factory_rejects_an_unknown_name_listing_the_accepted_ones()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Interactive.DlExt.Optimizers.Create("adamax", 0.01));
        Assert.Equal("optimizer", e.ParamName);
        Assert.Contains("\"adamax\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sgd", 1e-3, 1.0)]
    [InlineData("momentum", 1e-3, 1.0)]
    [InlineData("nesterov", 1e-3, 1.0)]
    [InlineData("adagrad", 1e-3, 0.5)]
    [InlineData("rmsprop", 1e-4, 1e-2)]
    [InlineData("adam", 1e-4, 1e-2)]
    [InlineData("AdamW", 1e-4, 1e-2)]
    public void The_learning_rate_range_fits_each_optimizer(string name, double min, double max) =>
        Assert.Equal((min, max), Interactive.DlExt.Optimizers.LearningRateRange(name));

    [Fact]
    public void Every_named_optimizer_has_a_learning_rate_range_that_holds_its_usual_rate_and_an_unknown_name_is_refused()
    {
        Assert.All(Interactive.DlExt.Optimizers.Names, name =>
        {
            var (min, max) = Interactive.DlExt.Optimizers.LearningRateRange(name);
            Assert.InRange(name.StartsWith("ada", StringComparison.Ordinal) || name == "rmsprop" ? 1e-3 : 0.01, min, max);
        });
        var e = Assert.Throws<DlExtArgumentException>(() => Interactive.DlExt.Optimizers.LearningRateRange("adamax"));
        Assert.Equal("optimizer", e.ParamName);
    }

    [Fact]
    public void Factory_passes_the_weight_decay_and_keeps_adamw_default_otherwise()
    {
        Assert.Equal(0.5, ((Sgd)Interactive.DlExt.Optimizers.Create("sgd", 0.1, 0.5)).WeightDecay);
        Assert.Equal(0.01, ((AdamW)Interactive.DlExt.Optimizers.Create("adamw", 0.1)).WeightDecay);
        Assert.Equal(0.0, ((AdamW)Interactive.DlExt.Optimizers.Create("adamw", 0.1, 0)).WeightDecay);
    }

    [Fact]
    public void Factory_passes_momentum_and_betas_to_the_optimizers_that_have_them()
    {
        Assert.Equal(0.5, ((Momentum)Interactive.DlExt.Optimizers.Create("momentum", 0.1, momentum: 0.5)).Beta);
        Assert.Equal(0.6, ((Nesterov)Interactive.DlExt.Optimizers.Create("nesterov", 0.1, momentum: 0.6)).Momentum);
        var adam = (Adam)Interactive.DlExt.Optimizers.Create("adam", 0.1, beta1: 0.8, beta2: 0.99);
        Assert.Equal((0.8, 0.99), (adam.Beta1, adam.Beta2));
        Assert.Equal(0.7, ((AdamW)Interactive.DlExt.Optimizers.Create("adamw", 0.1, beta1: 0.7)).Beta1);
    }

    [Fact]
    public void Factory_rejects_a_hyperparameter_the_optimizer_does_not_have()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Interactive.DlExt.Optimizers.Create("adam", 0.1, momentum: 0.9));
        Assert.Equal("momentum", e.ParamName);
        Assert.Contains("only momentum and nesterov use momentum", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Results_are_bit_identical_for_one_and_two_threads(string name)
    {
        const int length = 100_000;
        var serial = Run(name, length, rotate: 0, new ComputePool(1));
        using var pool = new ComputePool(2);
        var parallel = Run(name, length, rotate: 0, pool);
        Assert.Equal(serial, parallel);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Vector_body_and_scalar_tail_give_the_same_bits(string name)
    {
        // Updates are element-wise, so rotating the inputs must rotate the outputs exactly. Rotating by the tail
        // length moves the elements the scalar tail updated into the vector body and back.
        var tail = Math.Max(1, Vector<float>.Count - 3);
        var length = (3 * Vector<float>.Count) + tail;
        var plain = Run(name, length, rotate: 0, ComputePool.Serial);
        var rotated = Run(name, length, rotate: tail, ComputePool.Serial);
        for (var i = 0; i < length; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(plain[i]), BitConverter.SingleToInt32Bits(rotated[(i - tail + length) % length]));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_negative_step_learning_rate_is_rejected_before_any_change(string name)
    {
        var optimizer = Interactive.DlExt.Optimizers.Create(name, 0.1);
        var store = WeightAndBiasLayer.Store([1f, 2f]);
        store.Gradients[0] = 1f;
        var e = Assert.Throws<DlExtArgumentException>(() => optimizer.Step(store, -0.1, ComputePool.Serial));
        Assert.Equal("learning rate", e.ParamName);
        Assert.Equal([1f, 2f], store.Values);
        Assert.Equal(0, optimizer.StepCount);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void State_is_reallocated_and_the_step_count_restarts_when_the_model_size_changes(string name)
    {
        var optimizer = Interactive.DlExt.Optimizers.Create(name, 0.1);
        var small = WeightAndBiasLayer.Store([1f, 2f]);
        small.Gradients.AsSpan().Fill(1f);
        optimizer.Step(small, 0.1, ComputePool.Serial);
        optimizer.Step(small, 0.1, ComputePool.Serial);

        var fresh = Interactive.DlExt.Optimizers.Create(name, 0.1);
        var a = WeightAndBiasLayer.Store([1f, 2f, 3f]);
        var b = WeightAndBiasLayer.Store([1f, 2f, 3f]);
        a.Gradients.AsSpan().Fill(0.5f);
        b.Gradients.AsSpan().Fill(0.5f);
        optimizer.Step(a, 0.1, ComputePool.Serial);
        fresh.Step(b, 0.1, ComputePool.Serial);
        Assert.Equal(b.Values, a.Values);
        Assert.Equal(1, optimizer.StepCount);
    }

    /// <summary>Three steps of <paramref name="name"/> on seeded values and gradients, the inputs rotated left by
    /// <paramref name="rotate"/> places.</summary>
    private static float[] Run(string name, int length, int rotate, ComputePool pool)
    {
        var random = new RandomSource(42);
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = (float)random.NextGaussian();
        }

        var store = WeightAndBiasLayer.Store(Rotate(values, rotate));
        var optimizer = Interactive.DlExt.Optimizers.Create(name, 0.01, 0.001);
        for (var step = 0; step < 3; step++)
        {
            var gradients = new float[length];
            for (var i = 0; i < length; i++)
            {
                gradients[i] = (float)random.NextGaussian();
            }

            Rotate(gradients, rotate).CopyTo(store.Gradients, 0);
            optimizer.Step(store, 0.01, pool);
        }

        return (float[])store.Values.Clone();
    }

    private static float[] Rotate(float[] values, int by) => [.. values[by..], .. values[..by]];
}
