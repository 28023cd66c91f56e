using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Training;

public sealed class GradientClippingTests
{
    [Fact]
    public void The_global_norm_of_3_and_4_is_5_and_clipping_to_1_scales_both_by_1_over_5_plus_epsilon()
    {
        float[] gradients = [3f, 4f];

        var norm = GradientClipping.GlobalNorm(gradients, ComputePool.Serial);
        GradientClipping.ClipNorm(gradients, norm, 1, ComputePool.Serial);

        Assert.Equal(5, norm);
        var scale = (float)(1 / (5 + 1e-6)); // PyTorch: max_norm / (total_norm + 1e-6), applied in float32
        Assert.Equal([3f * scale, 4f * scale], gradients);
        Assert.Equal(0.6f, gradients[0], 6);
        Assert.Equal(0.8f, gradients[1], 6);
    }

    [Fact]
    public void A_norm_below_the_threshold_leaves_the_gradients_untouched()
    {
        float[] gradients = [3f, 4f];

        GradientClipping.ClipNorm(gradients, 5, 10, ComputePool.Serial);

        Assert.Equal([3f, 4f], gradients);
    }

    [Fact]
    public void Clipping_by_value_clamps_each_gradient_to_the_interval()
    {
        float[] gradients = [-3f, -0.25f, 0f, 0.5f, 7f];

        GradientClipping.ClipValue(gradients, 0.5, ComputePool.Serial);

        Assert.Equal([-0.5f, -0.25f, 0f, 0.5f, 0.5f], gradients);
    }

    [Fact]
    public void The_global_norm_is_bit_identical_for_one_and_several_threads_over_many_chunks()
    {
        var random = new RandomSource(7);
        var gradients = new float[(3 * Optimizer.ChunkLength) + 123];
        for (var i = 0; i < gradients.Length; i++)
        {
            gradients[i] = (float)random.NextGaussian();
        }

        using var two = new ComputePool(2);
        using var three = new ComputePool(3);
        var serial = GradientClipping.GlobalNorm(gradients, ComputePool.Serial);

        Assert.Equal(BitConverter.DoubleToInt64Bits(serial), BitConverter.DoubleToInt64Bits(GradientClipping.GlobalNorm(gradients, two)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(serial), BitConverter.DoubleToInt64Bits(GradientClipping.GlobalNorm(gradients, three)));
    }

    [Fact]
    public void Training_with_a_clip_norm_applies_exactly_the_scaled_gradient_of_the_weight_and_the_bias()
    {
        var free = FirstGradients(clipNorm: null);
        var norm = Math.Sqrt(free.Gradients.Sum(g => (double)g * g));
        var clipNorm = norm / 4;

        var clipped = FirstGradients(clipNorm);

        Assert.Equal(norm, free.Norm, 12);
        Assert.Equal(free.Norm, clipped.Norm); // the history's norm is the one before clipping
        var scale = (float)(clipNorm / (free.Norm + GradientClipping.Epsilon));
        Assert.Equal(free.Gradients.Select(g => g * scale), clipped.Gradients);
        Assert.Equal(clipNorm, Math.Sqrt(clipped.Gradients.Sum(g => (double)g * g)), 5);
    }

    [Fact]
    public void Training_with_a_clip_value_hands_the_optimizer_clamped_gradients()
    {
        var free = FirstGradients(clipNorm: null);
        var limit = free.Gradients.Max(Math.Abs) / 2;

        var clipped = FirstGradients(clipNorm: null, clipValue: limit);

        Assert.Equal(free.Gradients.Select(g => Math.Clamp(g, -limit, limit)), clipped.Gradients);
    }

    [Fact]
    public void A_callback_after_backward_sees_the_norm_the_history_records()
    {
        var seen = new List<double>();
        var recorder = new RecordingCallback
        {
            OnEvent = (e, s) =>
            {
                if (e == TrainingEvent.GradientsComputed)
                {
                    Assert.Equal(s.GradientNorm, Math.Sqrt(Sum(s.Gradients)), 12);
                    seen.Add(s.GradientNorm);
                }
            },
        };
        var options = new TrainingOptions { Epochs = 2, BatchSize = 30, Threads = 1, Optimizer = new Sgd(0.1) };
        options.Callbacks.Add(recorder);

        var history = Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), options);

        Assert.Equal(history.Steps.Select(s => s.GradientNorm!.Value), seen);
        Assert.All(seen, n => Assert.True(n > 0));
    }

    [Fact]
    public void Zeroing_the_gradients_in_the_hook_leaves_the_weights_unchanged_for_that_step()
    {
        var model = TestData.SmallMlp();
        float[]? before = null, after = null;
        var recorder = new RecordingCallback
        {
            OnEvent = (e, s) =>
            {
                if (e == TrainingEvent.BatchStarted && s.Step == 1)
                {
                    before = (float[])s.Model.Store.Values.Clone();
                }
                else if (e == TrainingEvent.GradientsComputed && s.Step == 1)
                {
                    s.Gradients.Clear();
                }
                else if (e == TrainingEvent.BatchEnded && s.Step == 1)
                {
                    after = (float[])s.Model.Store.Values.Clone();
                }
            },
        };
        var options = new TrainingOptions { Epochs = 1, BatchSize = 30, Threads = 1, Optimizer = new Sgd(0.1) };
        options.Callbacks.Add(recorder);

        Trainer.Fit(model, TestData.Blobs(), options);

        Assert.NotNull(before);
        Assert.Equal(before, after);
        Assert.NotEqual(before, model.Store.Values); // the other steps trained
    }

    [Fact]
    public void Clipped_training_is_bit_identical_for_one_and_two_threads()
    {
        static (string, double[]) Run(int threads)
        {
            var model = TestData.SmallMlp();
            var options = new TrainingOptions { Epochs = 2, BatchSize = 16, Threads = threads, Seed = 3, ClipNorm = 0.5, ClipValue = 0.2, Optimizer = new Sgd(0.5) };
            var history = Trainer.Fit(model, TestData.Blobs(), options);
            return (TestData.Fingerprint(history, model), history.Steps.Select(s => s.GradientNorm!.Value).ToArray());
        }

        var one = Run(1);
        var two = Run(2);

        Assert.Equal(one.Item1, two.Item1);
        Assert.Equal(one.Item2.Select(BitConverter.DoubleToInt64Bits), two.Item2.Select(BitConverter.DoubleToInt64Bits));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void A_clip_norm_or_value_that_is_not_positive_is_refused_with_the_descriptors_words(double bad)
    {
        var byNorm = Assert.Throws<DlExtArgumentException>(() =>
            Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), new TrainingOptions { Epochs = 1, Threads = 1, ClipNorm = bad }));
        var byValue = Assert.Throws<DlExtArgumentException>(() =>
            Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), new TrainingOptions { Epochs = 1, Threads = 1, ClipValue = bad }));

        Assert.Equal(Hyperparameters.ClipNorm.Name, byNorm.ParamName);
        Assert.Equal(Hyperparameters.ClipNorm.Accepted, byNorm.Accepted);
        Assert.Equal(Hyperparameters.ClipValue.Name, byValue.ParamName);
        Assert.Equal("a number > 0", byValue.Accepted);
    }

    [Fact]
    public void The_settings_record_the_clip_thresholds()
    {
        var history = Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), new TrainingOptions { Epochs = 1, Threads = 1, ClipNorm = 2, ClipValue = 0.5 });

        Assert.Equal(2, history.Settings.ClipNorm);
        Assert.Equal(0.5, history.Settings.ClipValue);
    }

    private static double Sum(Span<float> gradients)
    {
        double sum = 0;
        foreach (var g in gradients)
        {
            sum += (double)g * g;
        }

        return sum;
    }

    // The gradients the optimizer receives at the first step of a linear regression with a weight [1, 2] and a bias [1].
    private static (float[] Gradients, double Norm) FirstGradients(double? clipNorm, double? clipValue = null)
    {
        var x = new Tensor([1f, 2f, -1f, 0.5f, 3f, -2f, 0f, 1f], 4, 2);
        var y = new Tensor([5f, -1f, 2f, 3f], 4, 1);
        var model = new Sequential(new Linear(2, 1));
        float[]? gradients = null;
        var recorder = new RecordingCallback
        {
            OnEvent = (e, s) =>
            {
                if (e == TrainingEvent.GradientsComputed && s.Step == 0)
                {
                    gradients = s.Gradients.ToArray();
                }
            },
        };
        var options = new TrainingOptions { Epochs = 1, BatchSize = 4, Threads = 1, Shuffle = false, ClipNorm = clipNorm, ClipValue = clipValue, Optimizer = new Sgd(0.01) };
        options.Callbacks.Add(recorder);

        var history = Trainer.Fit(model, new Dataset(x, y), options);

        Assert.Equal(3, model.Store.TrainableCount);
        return (gradients!, history.Steps[0].GradientNorm!.Value);
    }
}
